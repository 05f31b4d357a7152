using System.Net;
using System.Net.Http.Json;
using Byline.Data.Accounts;
using Byline.Data.Comments;
using Byline.Tests.Admin;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Moderation;

/// <summary>Banning accounts from commenting, for a time or for good, and hiding what they posted.</summary>
public sealed class BanTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static Task<HttpResponseMessage> BanAsync(HttpClient moderator, string userId, object body) =>
        moderator.PostAsJsonAsync($"/api/v1/moderation/users/{userId}/ban", body);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ATimedBanRefusesTheNextPostWithItsEndAndEndsOnTime(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var readerUser = await factory.CreateUserAsync();
        using var reader = factory.ClientFor(readerUser);
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());
        var until = factory.Time.GetUtcNow().AddDays(1);

        var banned = await BanAsync(moderator, readerUser.Id, new { days = 1, reason = "Repeated insults." });

        Assert.Equal(HttpStatusCode.OK, banned.StatusCode);
        Assert.Equal(until, (await banned.ReadJsonAsync()).GetProperty("until").GetDateTimeOffset());
        var refused = await reader.PostCommentAsync(slug, new { body = "Let me back in." });
        var problem = await Http.AssertProblemAsync(refused, HttpStatusCode.Forbidden, "user-banned");
        Assert.Equal(until, problem.GetProperty("until").GetDateTimeOffset());
        Assert.Equal((0, 0), await factory.CommentCountsAsync(slug));
        Assert.Contains(await factory.AuditAboutAsync($"user:{readerUser.Id}"), e => e.Action == "user.ban");

        // Not much further: every 15 s of fake time wakes the scheduled publisher.
        factory.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal("approved", (await reader.PostCreatedAsync(slug, "Back, and calmer.")).Status());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task APermanentBanHasNoEndAndCanBeLifted(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var readerUser = await factory.CreateUserAsync();
        using var reader = factory.ClientFor(readerUser);
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());

        var banned = await BanAsync(moderator, readerUser.Id, new { permanent = true, reason = "Spam account." });

        Assert.Equal(HttpStatusCode.OK, banned.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await banned.ReadJsonAsync()).GetProperty("until").ValueKind);
        var problem = await Http.AssertProblemAsync(await reader.PostCommentAsync(slug, new { body = "Let me back in." }), HttpStatusCode.Forbidden, "user-banned");
        Assert.False(problem.TryGetProperty("until", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await moderator.DeleteAsync($"/api/v1/moderation/users/{readerUser.Id}/ban")).StatusCode);
        Assert.Equal("approved", (await reader.PostCreatedAsync(slug, "Thank you for having me back.")).Status());
        Assert.Null((await factory.AccountAsync(readerUser.Id))!.BannedUntil);
        Assert.Contains(await factory.AuditAboutAsync($"user:{readerUser.Id}"), e => e.Action == "user.unban");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task HidingABannedAuthorsCommentsRejectsEveryVisibleOneAuditedAndUncounted(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var readerUser = await factory.CreateUserAsync();
        using var reader = factory.ClientFor(readerUser);
        var moderatorUser = await factory.ModeratorAsync();
        using var moderator = factory.ClientFor(moderatorUser);
        var markers = new[] { ModerationKit.Marker("b1"), ModerationKit.Marker("b2"), ModerationKit.Marker("b3") };
        var first = await reader.PostCreatedAsync(slug, ModerationKit.Innocent(markers[0]));
        var second = await reader.PostCreatedAsync(slug, ModerationKit.Innocent(markers[1]));
        var held = await reader.PostCreatedAsync(slug, ModerationKit.Held(markers[2]));
        var bystander = await factory.CreateClient().PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("other")));
        var anonymous = factory.CreateClient();
        Assert.Contains(markers[0], await anonymous.BodyAsync($"/world/{slug}"));
        Assert.Equal((4, 3), await factory.CommentCountsAsync(slug));

        var banned = await BanAsync(moderator, readerUser.Id, new { permanent = true, reason = "Spam account.", hideComments = true });

        Assert.Equal(HttpStatusCode.OK, banned.StatusCode);
        Assert.Equal(3, (await banned.ReadJsonAsync()).GetProperty("hiddenComments").GetInt32());
        foreach (var comment in new[] { first, second, held })
        {
            Assert.Equal(CommentStatus.Rejected, (await factory.StoredAsync(comment.Id())).Status);
            var decision = (await factory.DecisionsAsync(comment.Id()))[^1];
            Assert.Equal((CommentStatus.Rejected, moderatorUser.Id, DecisionSource.Ban), (decision.To, decision.ActorUserId, decision.Source));
            Assert.Contains("Spam account.", decision.Reason);
        }
        Assert.Equal(CommentStatus.Approved, (await factory.StoredAsync(bystander.Id())).Status);
        Assert.Equal((4, 1), await factory.CommentCountsAsync(slug));
        var page = await anonymous.BodyAsync($"/world/{slug}");
        Assert.All(markers, m => Assert.DoesNotContain(m, page));
        Assert.Equal(1, (await (await anonymous.GetAsync($"/api/v1/articles/{slug}/comments")).ReadJsonAsync()).GetProperty("total").GetInt32());

        // Hidden by the ban, they are not the author's to send back to the queue.
        var appeal = await reader.PostAsJsonAsync($"/api/v1/comments/{first.Id()}/appeal", new { note = "Please reconsider." });
        await Http.AssertProblemAsync(appeal, HttpStatusCode.Conflict, "not-appealable");
        Assert.Equal(CommentStatus.Rejected, (await factory.StoredAsync(first.Id())).Status);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task StaffAreNotBannedAndNeitherAreAccountsThatDoNotExist(string provider)
    {
        var factory = apps[provider];
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());
        var staff = new[] { await factory.CreateUserAsync(Roles.Writer), await factory.CreateUserAsync(Roles.Editor), await factory.ModeratorAsync(), await factory.CreateUserAsync(Roles.Admin) };

        foreach (var person in staff)
        {
            await Http.AssertProblemAsync(await BanAsync(moderator, person.Id, new { permanent = true, reason = "Try." }), HttpStatusCode.Conflict, "staff-account");
            Assert.Null((await factory.AccountAsync(person.Id))!.BannedUntil);
        }
        await Http.AssertProblemAsync(await BanAsync(moderator, "no-such-user", new { days = 1, reason = "Try." }), HttpStatusCode.NotFound, "user-not-found");
        var reader = await factory.CreateUserAsync();
        await Http.AssertProblemAsync(await BanAsync(moderator, reader.Id, new { days = 1 }), HttpStatusCode.BadRequest, "reason-required");
        await Http.AssertProblemAsync(await BanAsync(moderator, reader.Id, new { days = 0, reason = "Zero." }), HttpStatusCode.BadRequest, "invalid-duration");
        await Http.AssertProblemAsync(await BanAsync(moderator, reader.Id, new { reason = "Neither." }), HttpStatusCode.BadRequest, "invalid-duration");
        Assert.Null((await factory.AccountAsync(reader.Id))!.BannedUntil);
    }
}
