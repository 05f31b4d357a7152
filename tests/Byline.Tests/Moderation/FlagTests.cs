using System.Net;
using System.Net.Http.Json;
using Byline.Data.Comments;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Moderation;

/// <summary>Readers' reports of comments: who may flag, how often, and what a threshold of flags does.</summary>
public sealed class FlagTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static Task<HttpResponseMessage> FlagAsync(HttpClient client, long id, string reason, string? note = null) =>
        client.PostAsJsonAsync($"/api/v1/comments/{id}/flags", new { reason, note });

    private static async Task<(BylineFactory Factory, string Slug, long Id, string Marker)> ApprovedCommentAsync(BylineApps apps, string provider, HttpClient? author = null)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var marker = ModerationKit.Marker("flagme");
        var comment = await (author ?? factory.CreateClient()).PostCreatedAsync(slug, ModerationKit.Innocent(marker));
        Assert.Equal("approved", comment.Status());
        return (factory, slug, comment.Id(), marker);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FlaggingIsForSignedInReadersOnceEachNeverTheirOwnAndOtherNeedsANote(string provider)
    {
        var factory = apps[provider];
        var authorUser = await factory.CreateUserAsync();
        using var author = factory.ClientFor(authorUser);
        var (_, slug, id, _) = await ApprovedCommentAsync(apps, provider, author);
        using var reader = factory.ClientFor(await factory.CreateUserAsync());

        await Http.AssertProblemAsync(await FlagAsync(factory.CreateClient(), id, "spam"), HttpStatusCode.Unauthorized, "sign-in-required");
        await Http.AssertProblemAsync(await FlagAsync(author, id, "abuse"), HttpStatusCode.BadRequest, "own-comment");
        await Http.AssertProblemAsync(await FlagAsync(reader, id, "other"), HttpStatusCode.BadRequest, "note-required");
        await Http.AssertProblemAsync(await FlagAsync(reader, id, "boring"), HttpStatusCode.BadRequest, "invalid-reason");
        await Http.AssertProblemAsync(await FlagAsync(reader, long.MaxValue - 3, "spam"), HttpStatusCode.NotFound, "comment-not-found");
        Assert.Equal(HttpStatusCode.Created, (await FlagAsync(reader, id, "other", "Copies a press release word for word.")).StatusCode);
        await Http.AssertProblemAsync(await FlagAsync(reader, id, "spam"), HttpStatusCode.Conflict, "already-flagged");

        await using var db = factory.CreateDbContext();
        var flag = await db.CommentFlags.AsNoTracking().SingleAsync(f => f.CommentId == id);
        Assert.Equal((FlagReason.Other, "Copies a press release word for word.", 1.0), (flag.Reason, flag.Note, flag.Weight));
        var stored = await factory.StoredAsync(id);
        Assert.Equal((CommentStatus.Approved, 1.0), (stored.Status, stored.FlagWeight));
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AtTheThresholdTheCommentGoesBackToPendingAndLeavesThePageAndTheCounts(string provider)
    {
        var (factory, slug, id, marker) = await ApprovedCommentAsync(apps, provider);
        var anonymous = factory.CreateClient();
        Assert.Contains(marker, await anonymous.BodyAsync($"/world/{slug}"));
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());

        for (var i = 0; i < 2; i++)
        {
            using var reader = factory.ClientFor(await factory.CreateUserAsync());
            Assert.Equal(HttpStatusCode.Created, (await FlagAsync(reader, id, "spam")).StatusCode);
        }
        Assert.Equal(CommentStatus.Approved, (await factory.StoredAsync(id)).Status);
        var flagged = await moderator.QueueItemAsync(slug, id, "flagged");
        Assert.NotNull(flagged);
        Assert.Equal(2, Assert.Single(flagged.Value.GetProperty("flags").EnumerateArray()).GetProperty("count").GetInt32());
        using (var third = factory.ClientFor(await factory.CreateUserAsync()))
        {
            Assert.Equal(HttpStatusCode.Created, (await FlagAsync(third, id, "abuse")).StatusCode);
        }

        var stored = await factory.StoredAsync(id);
        Assert.Equal(CommentStatus.Pending, stored.Status);
        Assert.Contains(stored.Reasons, r => r.ToString() == "flagged:spam");
        Assert.Equal((1, 0), await factory.CommentCountsAsync(slug));
        Assert.DoesNotContain(marker, await anonymous.BodyAsync($"/world/{slug}"));
        Assert.Equal("0 Comments", (await anonymous.GetPageAsync($"/world/{slug}")).QuerySelector(".comment-count")!.TextContent);
        Assert.DoesNotContain(marker, await anonymous.BodyAsync($"/api/v1/articles/{slug}/comments"));
        Assert.NotNull(await moderator.QueueItemAsync(slug, id));
        var decision = (await factory.DecisionsAsync(id))[^1];
        Assert.Equal((CommentStatus.Approved, CommentStatus.Pending, DecisionSource.Flags), (decision.From, decision.To, decision.Source));

        // A moderator keeps it: back on the page, the flags resolved.
        await moderator.DecideOkAsync(id, "approve");
        Assert.Contains(marker, await anonymous.BodyAsync($"/world/{slug}"));
        Assert.Equal((0.0, 1), ((await factory.StoredAsync(id)).FlagWeight, (await factory.CommentCountsAsync(slug)).Counted));
        await using var db = factory.CreateDbContext();
        Assert.True(await db.CommentFlags.Where(f => f.CommentId == id).AllAsync(f => f.Resolved));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TrustedReadersFlagsWeighTwo(string provider)
    {
        var (factory, slug, id, _) = await ApprovedCommentAsync(apps, provider);
        var trustedUser = await factory.CreateUserAsync();
        using var trusted = factory.ClientFor(trustedUser);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("approved", (await trusted.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker($"t{i}")))).Status());
        }
        using var newcomer = factory.ClientFor(await factory.CreateUserAsync());

        Assert.Equal(HttpStatusCode.Created, (await FlagAsync(trusted, id, "off-topic")).StatusCode);
        var afterTrusted = await factory.StoredAsync(id);
        Assert.Equal(HttpStatusCode.Created, (await FlagAsync(newcomer, id, "off-topic")).StatusCode);

        Assert.Equal((CommentStatus.Approved, 2.0), (afterTrusted.Status, afterTrusted.FlagWeight));
        Assert.Equal(CommentStatus.Pending, (await factory.StoredAsync(id)).Status);
        await using var db = factory.CreateDbContext();
        var weights = await db.CommentFlags.AsNoTracking().Where(f => f.CommentId == id).Select(f => new { f.UserId, f.Weight }).ToListAsync();
        Assert.Equal(2.0, weights.Single(w => w.UserId == trustedUser.Id).Weight);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheReportFormWorksWithoutScriptAndNeedsItsToken(string provider)
    {
        var (factory, _, id, marker) = await ApprovedCommentAsync(apps, provider);
        var readerUser = await factory.CreateUserAsync();
        using var session = await factory.SignInAsync(readerUser);
        var report = $"/comments/{id}/report";

        var anonymousPage = await factory.CreateClient().GetPageAsync(report);
        Assert.NotNull(anonymousPage.QuerySelector($"a[href^='/account/sign-in']"));
        Assert.Null(anonymousPage.QuerySelector("form.report-form"));
        var withoutToken = await session.Client.PostAsync(report, new FormUrlEncodedContent(new Dictionary<string, string> { ["Reason"] = "spam" }));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        var page = await session.PageAsync(report);
        Assert.Contains(marker, page.QuerySelector(".reported-comment")!.TextContent);

        var sent = await session.Client.SubmitAsync(page, report, "form.report-form", ("Reason", "abuse"), ("Note", "Insults another reader."));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Thank you", (await Http.ParseAsync(sent)).QuerySelector("[role=status]")!.TextContent);
        await using var db = factory.CreateDbContext();
        var flag = await db.CommentFlags.AsNoTracking().SingleAsync(f => f.CommentId == id);
        Assert.Equal((readerUser.Id, FlagReason.Abuse, "Insults another reader."), (flag.UserId, flag.Reason, flag.Note));

        var again = await session.Client.SubmitAsync(report, "form.report-form", ("Reason", "spam"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already", (await Http.ParseAsync(again)).QuerySelector(".form-error")!.TextContent);
    }
}
