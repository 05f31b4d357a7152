using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Byline.Data.Comments;
using Byline.Tests.Infrastructure;
using Byline.Web.Comments;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Moderation;

/// <summary>Moderators' decisions through the API: what they change, what they refuse, and the audit they leave.</summary>
public sealed class DecisionTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ApprovingAHeldCommentShowsItToReadersAndCountsIt(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());
        var anonymous = factory.CreateClient();
        var marker = ModerationKit.Marker("held");
        var held = await anonymous.PostCreatedAsync(slug, ModerationKit.Held(marker));
        // Seen once while held, so that a stale cached page would show.
        Assert.DoesNotContain(marker, await anonymous.BodyAsync($"/world/{slug}"));
        Assert.Equal("0 Comments", (await anonymous.GetPageAsync($"/world/{slug}")).QuerySelector(".comment-count")!.TextContent);

        var response = await moderator.DecideAsync(held.Id(), "approve", 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("approved", (await response.ReadJsonAsync()).Status());
        var page = await anonymous.GetPageAsync($"/world/{slug}");
        Assert.Contains(marker, page.QuerySelector("#threads")!.TextContent);
        Assert.Equal("1 Comment", page.QuerySelector(".comment-count")!.TextContent);
        var list = await (await anonymous.GetAsync($"/api/v1/articles/{slug}/comments")).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(held.Id(), Assert.Single(list.GetProperty("items").EnumerateArray()).Id());
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));
        Assert.Null(await moderator.QueueItemAsync(slug, held.Id()));
        Assert.NotNull(await moderator.QueueItemAsync(slug, held.Id(), "approved"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RejectingNeedsAReasonWhichTheAuthorThenReads(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());
        using var author = factory.ClientFor(await factory.CreateUserAsync());
        var held = await author.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("r")));

        var withoutReason = await moderator.DecideAsync(held.Id(), "reject", 1);
        var blankReason = await moderator.DecideAsync(held.Id(), "reject", 1, "   ");
        var unknownAction = await moderator.DecideAsync(held.Id(), "delete", 1);
        var noRevision = await moderator.PostAsJsonAsync($"/api/v1/moderation/comments/{held.Id()}/decision", new { action = "approve" });

        await Http.AssertProblemAsync(withoutReason, HttpStatusCode.BadRequest, "reason-required");
        await Http.AssertProblemAsync(blankReason, HttpStatusCode.BadRequest, "reason-required");
        await Http.AssertProblemAsync(unknownAction, HttpStatusCode.BadRequest, "invalid-action");
        await Http.AssertProblemAsync(noRevision, HttpStatusCode.BadRequest, "revision-required");
        Assert.Equal(CommentStatus.Pending, (await factory.StoredAsync(held.Id())).Status);
        Assert.Single(await factory.DecisionsAsync(held.Id()));

        Assert.Equal(HttpStatusCode.OK, (await moderator.DecideAsync(held.Id(), "reject", 1, "Off-topic for this story.")).StatusCode);
        var seen = await (await author.GetAsync($"/api/v1/comments/{held.Id()}")).ReadJsonAsync();
        Assert.Equal("rejected", seen.Status());
        Assert.Equal("Off-topic for this story.", (await factory.StoredAsync(held.Id())).StatusNote);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DecisionOnARevisionThatWasEditedSinceIsRefused(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());
        var held = await factory.CreateClient().PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("s")));
        await using (var db = factory.CreateDbContext())
        {
            await db.Comments.Where(c => c.Id == held.Id()).ExecuteUpdateAsync(c => c.SetProperty(x => x.Revision, 2));
        }

        var stale = await moderator.DecideAsync(held.Id(), "approve", 1);

        await Http.AssertProblemAsync(stale, HttpStatusCode.Conflict, "stale-revision");
        Assert.Equal(CommentStatus.Pending, (await factory.StoredAsync(held.Id())).Status);
        Assert.Equal((1, 0), await factory.CommentCountsAsync(slug));
        Assert.Equal(HttpStatusCode.OK, (await moderator.DecideAsync(held.Id(), "approve", 2)).StatusCode);
        Assert.Equal(2, (await factory.DecisionsAsync(held.Id()))[^1].CommentRevision);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DecisionOnACommentItsAuthorDeletedOrOnNoCommentIsRefused(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());
        using var author = factory.ClientFor(await factory.CreateUserAsync());
        var held = await author.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("d")));
        Assert.Equal(HttpStatusCode.NoContent, (await author.DeleteAsync($"/api/v1/comments/{held.Id()}")).StatusCode);

        foreach (var action in new[] { "approve", "spam" })
        {
            await Http.AssertProblemAsync(await moderator.DecideAsync(held.Id(), action, 1), HttpStatusCode.Conflict, "invalid-transition");
        }
        await Http.AssertProblemAsync(await moderator.DecideAsync(held.Id(), "reject", 1, "Too late."), HttpStatusCode.Conflict, "invalid-transition");
        await Http.AssertProblemAsync(await moderator.DecideAsync(long.MaxValue - 1, "approve", 1), HttpStatusCode.NotFound, "comment-not-found");
        Assert.Equal(CommentStatus.Deleted, (await factory.StoredAsync(held.Id())).Status);
        Assert.Equal((1, 0), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryDecisionIsAuditedWithWhoWhenFromToAndRevision(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var moderatorUser = await factory.ModeratorAsync();
        using var moderator = factory.ClientFor(moderatorUser);
        var held = await factory.CreateClient().PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("a")));
        var posted = factory.Time.GetUtcNow();

        factory.Time.Advance(TimeSpan.FromMinutes(5));
        await moderator.DecideOkAsync(held.Id(), "approve");
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        await moderator.DecideOkAsync(held.Id(), "reject", "Personal attack or abuse.");
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        await moderator.DecideOkAsync(held.Id(), "spam");
        // Spam twice is no move at all.
        await Http.AssertProblemAsync(await moderator.DecideAsync(held.Id(), "spam", 1), HttpStatusCode.Conflict, "invalid-transition");

        var decisions = await factory.DecisionsAsync(held.Id());
        Assert.Equal(
            [
                (CommentStatus.Pending, CommentStatus.Pending, DecisionSource.Checks, (string?)null, posted),
                (CommentStatus.Pending, CommentStatus.Approved, DecisionSource.Moderator, moderatorUser.Id, posted.AddMinutes(5)),
                (CommentStatus.Approved, CommentStatus.Rejected, DecisionSource.Moderator, moderatorUser.Id, posted.AddMinutes(10)),
                (CommentStatus.Rejected, CommentStatus.Spam, DecisionSource.Moderator, moderatorUser.Id, posted.AddMinutes(15)),
            ],
            decisions.Select(d => (d.From, d.To, d.Source, d.ActorUserId, d.At)));
        Assert.All(decisions, d => Assert.Equal(1, d.CommentRevision));
        Assert.All(decisions.Skip(1), d => Assert.Equal(moderatorUser.DisplayName, d.ActorName));
        Assert.Equal("Personal attack or abuse.", decisions[2].Reason);
        Assert.Contains("suspect-word", decisions[0].Reason);
        Assert.Equal((1, 0), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ABatchOf200HeldCommentsIsDecidedInOneCallAndEachItemAnswersForItself(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var moderatorUser = await factory.ModeratorAsync();
        using var moderator = factory.ClientFor(moderatorUser);
        var renderer = new CommentRenderer();
        List<long> ids;
        await using (var db = factory.CreateDbContext())
        {
            var article = await db.Articles.SingleAsync(a => a.Slug == slug);
            var comments = Enumerable.Range(0, 200).Select(i => new Comment
            {
                ArticleId = article.Id,
                AuthorName = $"Reader {i}",
                BodyMarkdown = $"Held comment {i}.",
                BodyHtml = renderer.Render($"Held comment {i}."),
                CreatedAt = factory.Time.GetUtcNow(),
                StatusChangedAt = factory.Time.GetUtcNow(),
                Status = CommentStatus.Pending,
            }).ToList();
            db.Comments.AddRange(comments);
            await db.SaveChangesAsync();
            ids = comments.ConvertAll(c => c.Id);
        }
        var queue = await moderator.QueueAsync($"?story={slug}&limit=200&order=oldest");
        Assert.Equal(ids, queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("comment").Id()));
        var items = queue.GetProperty("items").EnumerateArray().Select(i => new { id = i.GetProperty("comment").Id(), revision = i.GetProperty("revision").GetInt32() }).ToList();

        var watch = Stopwatch.StartNew();
        var response = await moderator.PostAsJsonAsync("/api/v1/moderation/decisions", new { action = "approve", items });
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcomes = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(200, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal("approved", o.Status()));
        Assert.Equal((200, 200), await factory.CommentCountsAsync(slug));
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(200, await db.CommentDecisions.CountAsync(d => ids.Contains(d.CommentId) && d.ActorUserId == moderatorUser.Id && d.To == CommentStatus.Approved));
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"200 decisions took {watch.Elapsed}");

        // A mixed selection: each item succeeds or names its error, and the good ones are done.
        var mixed = await moderator.PostAsJsonAsync("/api/v1/moderation/decisions", new
        {
            action = "reject",
            reason = "Repeats an earlier comment.",
            items = new[] { new { id = ids[0], revision = 1 }, new { id = ids[1], revision = 7 }, new { id = long.MaxValue - 2, revision = 1 }, new { id = ids[0], revision = 1 } },
        });
        Assert.Equal(
            [(ids[0], "rejected", null), (ids[1], null, "stale-revision"), (long.MaxValue - 2, null, "comment-not-found"), (ids[0], null, "invalid-transition")],
            (await mixed.ReadJsonAsync()).EnumerateArray().Select(o => (o.Id(), o.GetProperty("status").GetString(), o.GetProperty("error").GetString())).ToList());
        Assert.Equal((200, 199), await factory.CommentCountsAsync(slug));

        await Http.AssertProblemAsync(await moderator.PostAsJsonAsync("/api/v1/moderation/decisions", new { action = "approve", items = Array.Empty<object>() }),
            HttpStatusCode.BadRequest, "invalid-items");
        await Http.AssertProblemAsync(await moderator.PostAsJsonAsync("/api/v1/moderation/decisions",
            new { action = "approve", items = Enumerable.Range(0, 501).Select(i => new { id = (long)i, revision = 1 }) }), HttpStatusCode.BadRequest, "invalid-items");
    }
}
