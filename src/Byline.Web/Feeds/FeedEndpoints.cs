using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Byline.Web.Media;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Feeds;

/// <summary>
/// The feed URLs. A request costs the scope's lookup (none for the site, a tag or a known section) and one query of
/// stamps; a current copy gets 304, a feed written before comes from <see cref="FeedCache"/>, and only a changed feed
/// reads its stories' content (two more queries) and is written.
/// </summary>
public static class FeedEndpoints
{
    /// <summary>Readers poll; five minutes keeps a new story from waiting long, and a recheck is a cheap 304.</summary>
    private const string CacheControl = "public, max-age=300";

    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup(FeedPaths.Root).ExcludeFromDescription();
        feeds.MapGet("/{file}", SiteAsync);
        feeds.MapGet($"/{FeedPaths.Sections}/{{slug}}/{{file}}", SectionAsync);
        feeds.MapGet($"/{FeedPaths.Writers}/{{slug}}/{{file}}", WriterAsync);
        feeds.MapGet($"/{FeedPaths.Tags}/{{tag}}/{{file}}", TagAsync);
        return app;
    }

    private static Task<IResult> SiteAsync(string file, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(http, file, (_, _) => Task.FromResult<FeedScope?>(FeedScope.Site), cancellationToken);

    private static Task<IResult> SectionAsync(string slug, string file, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(http, file, async (db, site) =>
        {
            var section = site.Sections.FirstOrDefault(s => s.Slug == slug)
                ?? await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
            return section is null ? null : FeedScope.ForSection(section);
        }, cancellationToken);

    private static Task<IResult> WriterAsync(string slug, string file, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(http, file, async (db, _) =>
        {
            var writer = await db.Writers.AsNoTracking().FirstOrDefaultAsync(w => w.Slug == slug, cancellationToken);
            return writer is null ? null : FeedScope.ForWriter(writer);
        }, cancellationToken);

    /// <summary>A tag is known while a published story carries it: one without stories answers 404 like an unknown one.</summary>
    private static Task<IResult> TagAsync(string tag, string file, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(http, file, (_, _) => Task.FromResult<FeedScope?>(FeedScope.ForTag(ArticlePaths.TagFromRoute(tag))), cancellationToken, emptyIsUnknown: true);

    private static async Task<IResult> RespondAsync(
        HttpContext http, string file, Func<BylineDbContext, SiteSettingsStore.Snapshot, Task<FeedScope?>> resolve,
        CancellationToken cancellationToken, bool emptyIsUnknown = false)
    {
        var format = FeedFormats.All.Cast<FeedFormat?>().FirstOrDefault(f => f!.Value.FileName() == file);
        if (format is null)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "not-found", $"No feed is called “{file}”: feeds are rss.xml, atom.xml and feed.json.");
        }
        var services = http.RequestServices;
        var db = services.GetRequiredService<BylineDbContext>();
        var site = await services.GetRequiredService<SiteSettingsStore>().GetAsync(cancellationToken);
        var scope = await resolve(db, site);
        if (scope is null)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "not-found", "There is no such section, writer or tag.");
        }
        var stamps = await FeedStories.StampsAsync(db, scope, cancellationToken);
        if (stamps.Count == 0 && emptyIsUnknown)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "not-found", "No published story has this tag.");
        }

        var links = services.GetRequiredService<SiteLinks>();
        var validators = FeedValidators.For(format.Value, scope, site, stamps, links.Absolute(""));
        validators.AddTo(http.Response);
        http.Response.Headers.CacheControl = CacheControl;
        if (validators.IsCurrent(http.Request))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var cache = services.GetRequiredService<FeedCache>();
        var body = cache.Find(validators.ETag);
        if (body is null)
        {
            var entries = await FeedStories.EntriesAsync(db, stamps, cancellationToken);
            var image = await ImageUrlAsync(db, site.Settings.SiteImageId, cancellationToken);
            var document = FeedBuilder.Build(scope, format.Value, site, entries, path => new Uri(links.Absolute(path)), image is null ? null : new Uri(links.Absolute(image)));
            body = format.Value switch
            {
                FeedFormat.Rss => SyndicationWriter.Rss(document),
                FeedFormat.Atom => SyndicationWriter.Atom(document),
                _ => JsonFeedWriter.Write(document),
            };
            cache.Store(validators.ETag, body);
        }
        return TypedResults.Bytes(body, format.Value.ContentType());
    }

    /// <summary>The site's card image as feed readers show it: its smallest JPEG (readers handle JPEG everywhere).</summary>
    private static async Task<string?> ImageUrlAsync(BylineDbContext db, int? imageId, CancellationToken cancellationToken)
    {
        if (imageId is null)
        {
            return null;
        }
        var image = await db.Images.AsNoTracking().Where(i => i.Id == imageId)
            .Select(i => new { i.Key, Width = i.Renditions.Where(r => r.ContentType == MediaPaths.Jpeg).Min(r => (int?)r.Width) })
            .FirstOrDefaultAsync(cancellationToken);
        return image?.Width is { } width ? MediaPaths.Rendition(image.Key, width, MediaPaths.Jpeg) : null;
    }
}
