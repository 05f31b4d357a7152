using Byline.Data;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Byline.Web.Media;
using Microsoft.AspNetCore.Http.HttpResults;
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
        feeds.MapGetAndHead("/{file}", SiteAsync);
        feeds.MapGetAndHead($"/{FeedPaths.Sections}/{{slug}}/{{file}}", SectionAsync);
        feeds.MapGetAndHead($"/{FeedPaths.Writers}/{{slug}}/{{file}}", WriterAsync);
        feeds.MapGetAndHead($"/{FeedPaths.Tags}/{{tag}}/{{file}}", TagAsync);
        return app;
    }

    /// <summary>What every feed request needs.</summary>
    public readonly record struct FeedRequest(
        HttpContext Http, BylineDbContext Db, SiteSettingsStore Settings, SiteLinks Links, FeedCache Cache, CancellationToken CancellationToken);

    private static Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> SiteAsync(string file, [AsParameters] FeedRequest request) =>
        RespondAsync(request, file, _ => Task.FromResult<FeedScope?>(FeedScope.Site));

    private static Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> SectionAsync(string slug, string file, [AsParameters] FeedRequest request) =>
        RespondAsync(request, file, async site =>
        {
            var section = site.Sections.FirstOrDefault(s => s.Slug == slug)
                ?? await request.Db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, request.CancellationToken);
            return section is null ? null : FeedScope.ForSection(section);
        });

    private static Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> WriterAsync(string slug, string file, [AsParameters] FeedRequest request) =>
        RespondAsync(request, file, async _ =>
        {
            var writer = await request.Db.Writers.AsNoTracking().FirstOrDefaultAsync(w => w.Slug == slug, request.CancellationToken);
            return writer is null ? null : FeedScope.ForWriter(writer);
        });

    /// <summary>A tag is known while a published story carries it: one without stories answers 404 like an unknown one.</summary>
    private static Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> TagAsync(string tag, string file, [AsParameters] FeedRequest request) =>
        RespondAsync(request, file, _ => Task.FromResult<FeedScope?>(FeedScope.ForTag(ArticlePaths.TagFromRoute(tag))), emptyIsUnknown: true);

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> RespondAsync(
        FeedRequest request, string file, Func<SiteSettingsStore.Snapshot, Task<FeedScope?>> resolve, bool emptyIsUnknown = false)
    {
        var (http, db, settings, links, cache, cancellationToken) = request;
        var format = FeedFormats.All.Cast<FeedFormat?>().FirstOrDefault(f => f!.Value.FileName() == file);
        if (format is null)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "not-found", $"No feed is called “{file}”: feeds are rss.xml, atom.xml and feed.json.");
        }
        var site = await settings.GetAsync(cancellationToken);
        var scope = await resolve(site);
        if (scope is null)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "not-found", "There is no such section, writer or tag.");
        }
        var stamps = await FeedStories.StampsAsync(db, scope, cancellationToken);
        if (stamps.Count == 0 && emptyIsUnknown)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "not-found", "No published story has this tag.");
        }

        var validators = FeedValidators.For(format.Value, scope, site, stamps, links.Absolute(""));
        validators = validators.FirstServedAt(cache.FirstServed(validators.ETag));
        validators.AddTo(http.Response);
        http.Response.Headers.CacheControl = CacheControl;
        if (validators.IsCurrent(http.Request))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

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
