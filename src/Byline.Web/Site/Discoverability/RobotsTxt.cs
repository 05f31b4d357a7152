using System.Text;
using Byline.Web.Hosting;
using Byline.Web.Site.Discoverability.Sitemaps;

namespace Byline.Web.Site.Discoverability;

/// <summary>
/// <c>/robots.txt</c> (RFC 9309): crawlers stay out of the <see cref="PrivateAreas"/> and are pointed at the sitemaps.
/// Each area is closed as the path itself ("$" ends a pattern) and everything under it, so that a section whose slug
/// merely starts the same way ("/accounting") stays open.
/// </summary>
public static class RobotsTxt
{
    public const string Path = "/robots.txt";

    public static string Text(Func<string, string> absolute)
    {
        ArgumentNullException.ThrowIfNull(absolute);
        var text = new StringBuilder("User-agent: *\n");
        foreach (var area in PrivateAreas.Paths)
        {
            text.Append("Disallow: ").Append(area).Append("$\n");
            text.Append("Disallow: ").Append(area).Append("/\n");
        }
        text.Append("Allow: /\n\n");
        text.Append("Sitemap: ").Append(absolute(SitemapIndex.Path)).Append('\n');
        text.Append("Sitemap: ").Append(absolute(NewsSitemap.Path)).Append('\n');
        return text.ToString();
    }

    public static IResult Get(HttpRequest request, SiteLinks links) =>
        TypedResults.Text(Text(path => links.Absolute(request, path)), "text/plain; charset=utf-8");
}
