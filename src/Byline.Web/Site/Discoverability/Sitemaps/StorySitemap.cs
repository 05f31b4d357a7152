using Byline.Data;
using Byline.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Site.Discoverability.Sitemaps;

/// <summary>
/// <c>/sitemaps/stories-{n}.xml</c>: the published stories whose ids fall in the n-th block of <see cref="PageSize"/>.
/// Blocks of ids rather than offsets keep every page's address and contents stable as stories are added, and each page
/// is one range scan of the primary key.
/// </summary>
public static class StorySitemap
{
    /// <summary>Well under the protocol's 50,000, so one page stays a few megabytes.</summary>
    public const int PageSize = 10_000;

    public const string Route = "/sitemaps/stories-{page:int}.xml";

    public sealed record Page(int Number, DateTimeOffset LastModified);

    public static string PathOf(int page) => $"/sitemaps/stories-{page}.xml";

    /// <summary>The pages that list at least one story, with their newest change, in order.</summary>
    public static async Task<List<Page>> PagesAsync(BylineDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var groups = await db.Articles.AsNoTracking().Published()
            .GroupBy(a => (a.Id - 1) / PageSize)
            .Select(g => new { Block = g.Key, LastModified = g.Max(a => a.UpdatedAt ?? a.PublishedAt) })
            .ToListAsync(cancellationToken);
        return [.. groups.Where(g => g.LastModified is not null).OrderBy(g => g.Block).Select(g => new Page(g.Block + 1, g.LastModified!.Value))];
    }

    public static async Task<IResult> GetAsync(int page, HttpContext context, BylineDbContext db, SiteIdentities identities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (page < 1 || page > int.MaxValue / PageSize)
        {
            return TypedResults.NotFound();
        }
        var (after, upTo) = ((page - 1) * PageSize, page * PageSize);
        var stories = await db.Articles.AsNoTracking().Published()
            .Where(a => a.Id > after && a.Id <= upTo)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Slug, SectionSlug = a.Section.Slug, LastModified = a.UpdatedAt ?? a.PublishedAt })
            .ToListAsync(cancellationToken);
        if (stories.Count == 0)
        {
            return TypedResults.NotFound();
        }
        var site = await identities.ForAsync(context.Request, cancellationToken);
        return SitemapXml.Respond(context, xml =>
        {
            xml.WriteStartElement("urlset", SitemapXml.Namespace);
            foreach (var story in stories)
            {
                SitemapXml.Entry(xml, "url", site.Url(ArticlePaths.Story(story.SectionSlug, story.Slug)), story.LastModified);
            }
            xml.WriteEndElement();
        });
    }
}
