using Byline.Data;
using Byline.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Site.Discoverability.Sitemaps;

/// <summary>
/// <c>/sitemap.xml</c>: the index of the site's sitemaps: the pages, the news sitemap, and the stories in pages of
/// <see cref="StorySitemap.PageSize"/> ids, each with the last change of what it lists. One grouped query.
/// </summary>
public static class SitemapIndex
{
    public const string Path = "/sitemap.xml";

    public static async Task<IResult> GetAsync(HttpContext context, BylineDbContext db, SiteIdentities identities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var site = await identities.ForAsync(context.Request, cancellationToken);
        var pages = await StorySitemap.PagesAsync(db, cancellationToken);
        DateTimeOffset? newest = pages.Count == 0 ? null : pages.Max(p => p.LastModified);
        return SitemapXml.Respond(context, xml =>
        {
            xml.WriteStartElement("sitemapindex", SitemapXml.Namespace);
            SitemapXml.Entry(xml, "sitemap", site.Url(PagesSitemap.Path), newest);
            SitemapXml.Entry(xml, "sitemap", site.Url(NewsSitemap.Path), null);
            foreach (var page in pages)
            {
                SitemapXml.Entry(xml, "sitemap", site.Url(StorySitemap.PathOf(page.Number)), page.LastModified);
            }
            xml.WriteEndElement();
        });
    }
}
