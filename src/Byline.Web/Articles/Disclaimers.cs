using Byline.Data.Articles;
using Byline.Data.Site;

namespace Byline.Web.Articles;

public static class Disclaimers
{
    /// <summary>The disclaimer a story shows: its own text, the site's default, or none.</summary>
    public static string? For(Article article, SiteSettings site) => article.DisclaimerMode switch
    {
        DisclaimerMode.None => null,
        DisclaimerMode.Custom when !string.IsNullOrWhiteSpace(article.DisclaimerText) => article.DisclaimerText,
        _ => string.IsNullOrWhiteSpace(site.DefaultDisclaimer) ? null : site.DefaultDisclaimer,
    };
}
