using Byline.Data;
using Byline.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Site.Discoverability.Sitemaps;

/// <summary>
/// <c>/sitemaps/pages.xml</c>: the pages that list stories (the front, each section, writer and tag that has a
/// published story), each last modified when the newest change among its stories was made, and the corrections page.
/// Three grouped queries, whatever the number of stories.
/// </summary>
public static class PagesSitemap
{
    public const string Path = "/sitemaps/pages.xml";

    public sealed record Listed(string Path, DateTimeOffset? LastModified);

    /// <summary>Every listed page in the sitemap's order, at most the protocol's limit (tags are the first to go).</summary>
    public static async Task<List<Listed>> LoadAsync(BylineDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var published = db.Articles.AsNoTracking().Published();
        var sections = await published
            .GroupBy(a => a.Section.Slug)
            .Select(g => new { Slug = g.Key, LastModified = g.Max(a => a.UpdatedAt ?? a.PublishedAt) })
            .ToListAsync(cancellationToken);
        var writers = await published
            .SelectMany(a => a.Bylines, (a, b) => new { b.Writer.Slug, LastModified = a.UpdatedAt ?? a.PublishedAt })
            .GroupBy(x => x.Slug)
            .Select(g => new { Slug = g.Key, LastModified = g.Max(x => x.LastModified) })
            .ToListAsync(cancellationToken);
        var tags = await TagLastChanges.LoadAsync(db, cancellationToken);

        var listed = new List<Listed>
        {
            new("/", sections.Max(s => s.LastModified)),
            new(CorrectionsListModel.Path, null),
        };
        listed.AddRange(sections.OrderBy(s => s.Slug, StringComparer.Ordinal).Select(s => new Listed(ArticlePaths.Section(s.Slug), s.LastModified)));
        listed.AddRange(writers.OrderBy(w => w.Slug, StringComparer.Ordinal).Select(w => new Listed(ArticlePaths.Writer(w.Slug), w.LastModified)));
        listed.AddRange(tags.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new Listed(ArticlePaths.Tag(t.Name), t.LastModified)));
        return listed.Count > SitemapXml.MaxUrls ? listed[..SitemapXml.MaxUrls] : listed;
    }

    public static async Task<IResult> GetAsync(HttpContext context, BylineDbContext db, SiteIdentities identities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var listed = await LoadAsync(db, cancellationToken);
        var site = await identities.ForAsync(context.Request, cancellationToken);
        return SitemapXml.Respond(context, xml =>
        {
            xml.WriteStartElement("urlset", SitemapXml.Namespace);
            foreach (var page in listed)
            {
                SitemapXml.Entry(xml, "url", site.Url(page.Path), page.LastModified);
            }
            xml.WriteEndElement();
        });
    }
}
