using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Byline.Data.Live;
using Byline.Tests.Infrastructure;
using Byline.Tests.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Comments.Live;

/// <summary>A story's live feed on one node: what an open page is told, in what order, and what it gets after reconnecting.</summary>
public sealed partial class LiveFeedTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static string Kind(JsonElement e) => e.GetProperty("kind").GetString()!;
    private static long CommentId(JsonElement e) => e.GetProperty("commentId").GetInt64();

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CommentsPostedWhileAPageIsOpenArriveInOrderWithTheStorysCounts(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var client = factory.CreateClient();
        await using var live = await LiveFeedReader.OpenAsync(client, slug);

        var first = (await client.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("live")))).Id();
        var reply = (await client.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("live")), parentId: first)).Id();

        var one = await live.NextCommentAsync();
        var two = await live.NextCommentAsync();
        Assert.Equal(("added", first), (Kind(one), CommentId(one)));
        // Counts are the story's when the event is sent: the second comment may already be counted.
        Assert.InRange(one.GetProperty("comments").GetInt32(), 1, 2);
        Assert.Equal(JsonValueKind.Null, one.GetProperty("parentId").ValueKind);
        Assert.Equal(("added", reply, first, 2), (Kind(two), CommentId(two), two.GetProperty("parentId").GetInt64(), two.GetProperty("comments").GetInt32()));
        Assert.Equal("approved", two.GetProperty("status").GetString());
        Assert.True(two.GetProperty("id").GetInt64() > one.GetProperty("id").GetInt64());
        Assert.Equal(two.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), live.LastEventId);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task HeldCommentsStayOffTheFeedUntilApprovedAndDeletionsFollow(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var authorUser = await factory.CreateUserAsync();
        using var author = factory.ClientFor(authorUser);
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());
        using var guest = factory.CreateClient();
        await using var live = await LiveFeedReader.OpenAsync(guest, slug);

        var held = (await author.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("held")))).Id();
        var visible = (await guest.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("shown")))).Id();

        // Events come in commit order: the first one is the visible comment, so the held one was never announced.
        var next = await live.NextCommentAsync();
        Assert.Equal(("added", visible), (Kind(next), CommentId(next)));

        await moderator.DecideOkAsync(held, "approve");
        next = await live.NextCommentAsync();
        Assert.Equal(("added", held, 2), (Kind(next), CommentId(next), next.GetProperty("comments").GetInt32()));

        var deleted = await author.DeleteAsync($"/api/v1/comments/{held}");
        Assert.True(deleted.IsSuccessStatusCode, $"delete answered {deleted.StatusCode}");
        next = await live.NextCommentAsync();
        Assert.Equal(("removed", held, "deleted", 1), (Kind(next), CommentId(next), next.GetProperty("status").GetString(), next.GetProperty("comments").GetInt32()));

        await moderator.DecideOkAsync(visible, "reject", "Off topic.");
        next = await live.NextCommentAsync();
        Assert.Equal(("removed", visible, "removed", 0), (Kind(next), CommentId(next), next.GetProperty("status").GetString(), next.GetProperty("comments").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AReconnectingPageGetsWhatItMissedOnceThenTheLiveEvents(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var client = factory.CreateClient();
        string lastSeen;
        await using (var live = await LiveFeedReader.OpenAsync(client, slug))
        {
            lastSeen = live.LastEventId!;
        }

        var missed = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            missed.Add((await client.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("missed")))).Id());
        }

        await using (var again = await LiveFeedReader.OpenAsync(client, slug, lastEventId: lastSeen))
        {
            var replayed = new List<long>();
            for (var i = 0; i < 3; i++)
            {
                replayed.Add(CommentId(await again.NextCommentAsync()));
            }
            Assert.Equal(missed, replayed);

            var later = (await client.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("later")))).Id();
            var next = await again.NextCommentAsync();
            Assert.Equal(later, CommentId(next));
            lastSeen = again.LastEventId!;
        }

        // Up to date: reconnecting replays nothing, and the next event is the next comment.
        await using var third = await LiveFeedReader.OpenAsync(client, slug, lastEventId: lastSeen);
        var newest = (await client.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("newest")))).Id();
        Assert.Equal(newest, CommentId(await third.NextCommentAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AStoryPageNamesTheEventItShowsSoItsFeedStartsRightAfter(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var client = factory.CreateClient();
        var before = (await client.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("before")))).Id();

        var page = await client.GetStringAsync($"/world/{slug}");
        var feed = LiveAttribute().Match(page);
        Assert.True(feed.Success, "The discussion names its live feed.");
        Assert.Contains($"comment-{before}", page, StringComparison.Ordinal);

        var after = (await client.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("after")))).Id();
        await using var live = await LiveFeedReader.OpenAsync(client, slug, query: "?after=" + feed.Groups["after"].Value);

        // What the page already showed is not sent again; what came after it is.
        Assert.Equal(after, CommentId(await live.NextCommentAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task APageTooFarBehindIsToldToReloadInsteadOfReplayingForever(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var client = factory.CreateClient();
        var id = (await client.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("busy")))).Id();
        await using (var db = factory.CreateDbContext())
        {
            var articleId = await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
            db.DiscussionEvents.AddRange(Enumerable.Range(0, 600).Select(_ => new DiscussionEvent
            {
                ArticleId = articleId, CommentId = id, Kind = DiscussionEventKind.Changed, At = factory.Time.GetUtcNow(),
            }));
            await db.SaveChangesAsync();
        }

        await using var live = await LiveFeedReader.OpenAsync(client, slug, query: "?after=0");

        Assert.Equal("reset", (await live.NextAsync()).EventType);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadFeedRequestsAreRefusedClearly(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var client = factory.CreateClient();

        await Http.AssertProblemAsync(await client.GetAsync($"/api/v1/articles/{Unique.Slug()}/live"), HttpStatusCode.NotFound, "article-not-found");
        await Http.AssertProblemAsync(await client.GetAsync($"/api/v1/articles/{slug}/live?after=-4"), HttpStatusCode.BadRequest, "invalid-after");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{slug}/live");
        request.Headers.Add("Last-Event-ID", "12; DROP TABLE");
        await Http.AssertProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest, "invalid-last-event-id");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/articles/{slug}/live?after=abc")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheFragmentOfACommentIsItsStoryPageHtmlAndOnlyForVisibleComments(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var client = factory.CreateClient();
        using var author = factory.ClientFor(await factory.CreateUserAsync());
        var marker = ModerationKit.Marker("frag");
        var shown = (await client.PostCreatedAsync(slug, ModerationKit.Innocent(marker), authorName: "Zhāng <b>Wěi</b>")).Id();
        var held = (await author.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("frag")))).Id();

        var fragment = await client.GetStringAsync($"/comments/{shown}/fragment");

        Assert.StartsWith($"<article class=\"comment\" id=\"comment-{shown}\"", fragment.Trim(), StringComparison.Ordinal);
        Assert.Contains(marker, fragment, StringComparison.Ordinal);
        Assert.Contains("Zhāng &lt;b&gt;Wěi&lt;/b&gt;", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragment, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/comments/{held}/fragment")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync($"/comments/{held}/fragment")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/comments/999999999/fragment")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EventsAreKeptAWeekForPagesThatReconnect(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var client = factory.CreateClient();
        var id = (await client.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("old")))).Id();
        var now = factory.Time.GetUtcNow();
        long old, recent;
        await using (var db = factory.CreateDbContext())
        {
            var articleId = await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
            var stale = db.DiscussionEvents.Add(new DiscussionEvent { ArticleId = articleId, CommentId = id, Kind = DiscussionEventKind.Changed, At = now.AddDays(-8) }).Entity;
            var kept = db.DiscussionEvents.Add(new DiscussionEvent { ArticleId = articleId, CommentId = id, Kind = DiscussionEventKind.Changed, At = now.AddDays(-6) }).Entity;
            await db.SaveChangesAsync();
            (old, recent) = (stale.Id, kept.Id);
        }

        var deleted = await factory.Services.GetRequiredService<Byline.Web.Comments.Live.LiveDiscussions>().PruneAsync(CancellationToken.None);

        Assert.True(deleted >= 1);
        await using var check = factory.CreateDbContext();
        Assert.False(await check.DiscussionEvents.AnyAsync(e => e.Id == old));
        Assert.True(await check.DiscussionEvents.AnyAsync(e => e.Id == recent));
    }

    [Fact]
    public async Task ANodeFullOfLiveReadersSaysSoAndTheFirstReadersKeepTheirs()
    {
        using var factory = new BylineFactory();
        factory.Settings["Byline:Live:MaxConnections"] = "2";
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var client = factory.CreateClient();
        await using var first = await LiveFeedReader.OpenAsync(client, slug);
        await using var second = await LiveFeedReader.OpenAsync(client, slug);

        var refused = await client.GetAsync($"/api/v1/articles/{slug}/live", HttpCompletionOption.ResponseHeadersRead);

        await Http.AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "live-full");
        Assert.NotNull(refused.Headers.RetryAfter);
        var posted = (await client.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("full")))).Id();
        Assert.Equal(posted, CommentId(await first.NextCommentAsync()));
        Assert.Equal(posted, CommentId(await second.NextCommentAsync()));
    }

    [GeneratedRegex("data-live=\"/api/v1/articles/[^\"?]+/live\\?after=(?<after>[0-9]+)\"")]
    private static partial Regex LiveAttribute();
}
