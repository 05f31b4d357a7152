namespace Byline.Web.Site.Discoverability.Sitemaps;

/// <summary>
/// A story's BCP 47 language as Google News sitemaps want it: the ISO 639 code alone ("en-GB" → "en"), except Chinese,
/// which is "zh-cn" for simplified and "zh-tw" for traditional script.
/// </summary>
public static class NewsLanguage
{
    private static readonly string[] TraditionalChineseSubtags = ["hant", "tw", "hk", "mo"];

    public static string Of(string? language)
    {
        var subtags = (language ?? "").Trim().ToLowerInvariant().Split('-', '_');
        var primary = subtags[0];
        if (primary.Length == 0)
        {
            return "en";
        }
        if (primary == "zh")
        {
            return subtags.Skip(1).Any(TraditionalChineseSubtags.Contains) ? "zh-tw" : "zh-cn";
        }
        return primary;
    }
}
