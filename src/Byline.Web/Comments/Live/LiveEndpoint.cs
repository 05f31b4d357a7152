using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Byline.Data;
using Byline.Web.Articles;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments.Live;

/// <summary>
/// <c>GET /api/v1/articles/{slug}/live</c>: a story's discussion changes as Server-Sent Events. Each event's id is its
/// row id; a browser that reconnects sends the last one in <c>Last-Event-ID</c> and gets what it missed from the
/// database, then the live events, each once.
/// </summary>
public static class LiveEndpoint
{
    /// <summary>Sent when nothing happened for this long, so proxies keep the connection and dead ones are noticed.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(25);

    /// <summary>What a page may replay on reconnecting; further behind, it is told to reload instead.</summary>
    public const int ReplayLimit = 500;

    /// <summary>How long a browser waits before reconnecting after the connection drops.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/articles/{slug}/live", StreamAsync).WithTags("Comments").WithName("DiscussionLive")
            .WithSummary("Server-Sent Events of a story's discussion: 'comment' events (added, changed, removed, with the story's counts), "
                + "resumable with Last-Event-ID or ?after=; 'ping' every 25 s; 'reset' when the page is too far behind to catch up (reload it).")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return app;
    }

    public static async Task<Results<ServerSentEventsResult<LiveEvent?>, ProblemHttpResult>> StreamAsync(
        string slug, long? after, HttpRequest request, IServiceScopeFactory scopes, LiveDiscussions live, IHostApplicationLifetime lifetime,
        CancellationToken cancellationToken)
    {
        if (live.Connections >= live.MaxConnections)
        {
            request.HttpContext.Response.Headers.RetryAfter = "30";
            return Problems.Create(503, "live-full", "This server holds as many live readers as it may; the page works without live updates.");
        }
        long? resume = after;
        if (request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } header)
        {
            if (!long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var lastSeen))
            {
                return Problems.Create(400, "invalid-last-event-id", "Last-Event-ID is not an event id this stream gave out.");
            }
            resume = lastSeen;
        }
        if (resume is < 0)
        {
            return Problems.Create(400, "invalid-after", "'after' must be an event id this stream gave out.");
        }
        // The stream outlives this request's first moments by hours: it must not keep a DbContext (tens of KiB, and a
        // slot of the context pool) for all that time, so the database is asked in a scope of its own.
        int? articleId;
        long latest;
        List<LiveEvent> replay;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
            articleId = await db.Articles.AsNoTracking().Published().Where(a => a.Slug == slug).Select(a => (int?)a.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (articleId is null)
            {
                return Problems.From(CommentError.ArticleNotFound);
            }
            latest = await LiveEvent.LatestAsync(db, articleId.Value, cancellationToken);
            replay = resume is { } from && from < latest
                ? await LiveEvent.LoadAsync(db, articleId.Value, from, ReplayLimit + 1, cancellationToken)
                : [];
        }
        // Proxies (nginx) must pass events through as they are written.
        request.HttpContext.Response.Headers["X-Accel-Buffering"] = "no";
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        // A node that stops ends its streams at once (browsers reconnect, to another node behind a balancer) instead of
        // holding the shutdown until its timeout.
        var ends = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        request.HttpContext.Response.RegisterForDispose(ends);
        return TypedResults.ServerSentEvents(EventsAsync(live, articleId.Value, Math.Min(resume ?? latest, latest), latest, replay, ends.Token));
    }

    private static async IAsyncEnumerable<SseItem<LiveEvent?>> EventsAsync(
        LiveDiscussions live, int articleId, long start, long latest, List<LiveEvent> replay,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Join before replaying, so nothing committed meanwhile falls between the two; the id check drops what both bring.
        var reader = live.Join(articleId, latest);
        try
        {
            var last = start;
            // The first event names where this page stands, so even a page that gets nothing else resumes from here.
            yield return new SseItem<LiveEvent?>(null, "ready") { EventId = Id(last), ReconnectionInterval = Retry };
            if (replay.Count > ReplayLimit)
            {
                yield return new SseItem<LiveEvent?>(null, "reset");
                yield break;
            }
            foreach (var item in replay)
            {
                last = item.Id;
                yield return Item(item);
            }
            while (true)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                beat.CancelAfter(Heartbeat);
                bool more;
                try
                {
                    more = await reader.Events.WaitToReadAsync(beat.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    more = true;
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
                if (!more)
                {
                    // Fell too far behind: the browser reconnects at once and catches up from the database.
                    yield break;
                }
                var any = false;
                while (reader.Events.TryRead(out var item))
                {
                    any = true;
                    if (item.Id > last)
                    {
                        last = item.Id;
                        yield return Item(item);
                    }
                }
                if (!any)
                {
                    yield return new SseItem<LiveEvent?>(null, "ping");
                }
            }
        }
        finally
        {
            live.Leave(reader);
        }
    }

    private static SseItem<LiveEvent?> Item(LiveEvent item) => new(item, "comment") { EventId = Id(item.Id) };

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
