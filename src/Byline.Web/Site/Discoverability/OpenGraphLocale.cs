using System.Globalization;

namespace Byline.Web.Site.Discoverability;

/// <summary>
/// Open Graph names a locale as language_TERRITORY ("en_US"). A story's language is a BCP 47 tag that often has no
/// territory ("en", "zh-Hans"), so the culture's most likely territory fills it in ("zh-Hans" → "zh_CN").
/// </summary>
public static class OpenGraphLocale
{
    public const string Default = "en_US";

    public static string From(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return Default;
        }
        // ICU picks Hong Kong for traditional Chinese; Open Graph's own list, like most readers of it, means Taiwan.
        if (language.Equals("zh-Hant", StringComparison.OrdinalIgnoreCase))
        {
            return "zh_TW";
        }
        try
        {
            var specific = CultureInfo.CreateSpecificCulture(language).Name;
            var parts = specific.Split('-');
            // "sr-Cyrl-RS" → "sr_RS": Open Graph's form has no script.
            return parts.Length >= 2 && parts[^1].Length == 2 ? $"{parts[0]}_{parts[^1]}" : Default;
        }
        catch (CultureNotFoundException)
        {
            return Default;
        }
    }
}
