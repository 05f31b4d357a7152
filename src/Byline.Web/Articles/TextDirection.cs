using System.Globalization;

namespace Byline.Web.Articles;

public static class TextDirection
{
    /// <summary>"rtl" for languages written right to left (Arabic, Hebrew, Persian, Urdu…), else "ltr".</summary>
    public static string Of(string? languageTag)
    {
        if (string.IsNullOrWhiteSpace(languageTag))
        {
            return "ltr";
        }
        try
        {
            return CultureInfo.GetCultureInfo(languageTag).TextInfo.IsRightToLeft ? "rtl" : "ltr";
        }
        catch (CultureNotFoundException)
        {
            return "ltr";
        }
    }
}
