using System.Net;
using System.Text.Json;
using Byline.Data.Accounts;
using Byline.Data.Comments;
using Byline.Data.Notifications;
using Byline.Tests.Comments;
using Byline.Tests.Infrastructure;
using Byline.Tests.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Accounts;

/// <summary>The GDPR basics: a reader downloads everything kept about them, and deletes their account.</summary>
public sealed class AccountDataTests(BylineApps apps) : IClassFixture<BylineApps>
{
    /// <summary>A vote as the voting feature stores it: the row and the counts on the comment, together.</summary>
    private static async Task VoteAsync(BylineFactory factory, string userId, long commentId, int value)
    {
        await using var db = factory.CreateDbContext();
        db.CommentVotes.Add(new CommentVote { CommentId = commentId, UserId = userId, Value = value, At = factory.Time.GetUtcNow() });
        var comment = await db.Comments.SingleAsync(c => c.Id == commentId);
        comment.UpVotes += value > 0 ? 1 : 0;
        comment.DownVotes += value < 0 ? 1 : 0;
        comment.Score += value;
        await db.SaveChangesAsync();
    }

    private static async Task<JsonElement> ExportAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/me/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.StartsWith("byline-my-data-", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        return await response.ReadJsonAsync();
    }

    private static Task<HttpResponseMessage> DeleteAccountAsync(AccountSession session, string comments, string password = TestUsers.Password) =>
        session.SubmitAsync("/account/data", "/account/data?handler=Delete", new Dictionary<string, string> { ["Comments"] = comments, ["Password"] = password });

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheExportHoldsEverythingOfTheReadersOwnAndNothingOfAnyoneElses(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var readerUser = await factory.CreateUserAsync();
        var otherUser = await factory.CreateUserAsync();
        var voterUser = await factory.CreateUserAsync();
        using var reader = factory.ClientFor(readerUser);
        using var other = factory.ClientFor(otherUser);
        var first = ModerationKit.Marker("first");
        var mine = await reader.PostCreatedAsync(slug, ModerationKit.Innocent(first));
        var edited = ModerationKit.Marker("edited");
        Assert.Equal(HttpStatusCode.OK, (await EditTests.EditAsync(reader, mine.Id(), ModerationKit.Innocent(edited))).StatusCode);
        var held = await reader.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("held")));
        var othersText = ModerationKit.Marker("others");
        var theirs = await other.PostCreatedAsync(slug, ModerationKit.Innocent(othersText));
        await VoteAsync(factory, readerUser.Id, theirs.Id(), 1);
        await VoteAsync(factory, voterUser.Id, mine.Id(), 1);
        var flagged = await reader.PostAsync($"/api/v1/comments/{theirs.Id()}/flags", JsonContent("{\"reason\":\"other\",\"note\":\"Off the point.\"}"));
        Assert.Equal(HttpStatusCode.Created, flagged.StatusCode);
        await using (var db = factory.CreateDbContext())
        {
            var articleId = await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
            db.StorySubscriptions.Add(new StorySubscription { UserId = readerUser.Id, ArticleId = articleId, Mode = SubscriptionMode.Follow, At = factory.Time.GetUtcNow() });
            db.Notifications.Add(new Notification { UserId = readerUser.Id, Kind = NotificationKind.Reply, CommentId = theirs.Id(), ArticleId = articleId, CreatedAt = factory.Time.GetUtcNow() });
            db.Notifications.Add(new Notification { UserId = otherUser.Id, Kind = NotificationKind.Reply, CommentId = mine.Id(), ArticleId = articleId, CreatedAt = factory.Time.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var data = await ExportAsync(reader);

        var account = data.GetProperty("account");
        Assert.Equal((readerUser.Email, readerUser.DisplayName), (account.GetProperty("email").GetString(), account.GetProperty("displayName").GetString()));
        Assert.Equal(["reader"], account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(account.GetProperty("notificationSettings").GetProperty("onReply").GetBoolean());
        var comments = data.GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal([mine.Id(), held.Id()], comments.Select(c => c.Id()));
        Assert.Equal(("approved", "pending"), (comments[0].Status(), comments[1].Status()));
        Assert.Contains(edited, comments[0].GetProperty("body").GetString());
        Assert.Equal($"http://localhost/world/{slug}", comments[0].GetProperty("story").GetProperty("url").GetString());
        Assert.Equal(1, comments[0].GetProperty("upVotes").GetInt32());
        var earlier = Assert.Single(comments[0].GetProperty("edits").EnumerateArray());
        Assert.Contains(first, earlier.GetProperty("body").GetString());
        var vote = Assert.Single(data.GetProperty("votes").EnumerateArray());
        Assert.Equal((theirs.Id(), 1), (vote.GetProperty("commentId").GetInt64(), vote.GetProperty("value").GetInt32()));
        var flag = Assert.Single(data.GetProperty("flags").EnumerateArray());
        Assert.Equal(("other", "Off the point."), (flag.GetProperty("reason").GetString(), flag.GetProperty("note").GetString()));
        Assert.Equal("follow", Assert.Single(data.GetProperty("subscriptions").EnumerateArray()).GetProperty("mode").GetString());
        Assert.Equal(theirs.Id(), Assert.Single(data.GetProperty("notifications").EnumerateArray()).GetProperty("commentId").GetInt64());
        Assert.Equal("tests", Assert.Single(data.GetProperty("apiTokens").EnumerateArray()).GetProperty("name").GetString());
        var raw = data.GetRawText();
        foreach (var foreign in new[] { otherUser.Id, otherUser.Email, otherUser.DisplayName, voterUser.Id, voterUser.Email, voterUser.DisplayName, othersText, readerUser.Token })
        {
            Assert.DoesNotContain(foreign, raw);
        }
        await Http.AssertProblemAsync(await factory.CreateClient().GetAsync("/api/v1/me/export"), HttpStatusCode.Unauthorized, "sign-in-required");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheAccountPageDownloadsTheSameFile(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var user = await factory.CreateUserAsync();
        var marker = ModerationKit.Marker("download");
        await factory.ClientFor(user).PostCreatedAsync(slug, ModerationKit.Innocent(marker));
        using var session = await factory.SignInAsync(user);

        var response = await session.SubmitAsync("/account/data", "/account/data?handler=Download", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var data = await response.ReadJsonAsync();
        Assert.Equal(user.Email, data.GetProperty("account").GetProperty("email").GetString());
        Assert.Contains(marker, Assert.Single(data.GetProperty("comments").EnumerateArray()).GetProperty("body").GetString());
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateNoRedirectClient().GetAsync("/account/data")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DeletingTheAccountWithAnonymisedCommentsKeepsTheirTextUnderAFormerReader(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var readerUser = await factory.CreateUserAsync();
        using var reader = factory.ClientFor(readerUser);
        using var other = factory.ClientFor(await factory.CreateUserAsync());
        var marker = ModerationKit.Marker("kept");
        var mine = await reader.PostCreatedAsync(slug, ModerationKit.Innocent(marker));
        var reply = await other.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("reply")), parentId: mine.Id());
        await VoteAsync(factory, readerUser.Id, reply.Id(), 1);
        Assert.Contains(readerUser.DisplayName, await factory.CreateClient().BodyAsync($"/world/{slug}"));
        using var session = await factory.SignInAsync(readerUser);

        var deleted = await DeleteAccountAsync(session, "anonymise");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/account/deleted", deleted.Headers.Location!.OriginalString);
        var stored = await factory.StoredAsync(mine.Id());
        Assert.Equal((CommentStatus.Approved, null, "Former reader", null), (stored.Status, stored.AuthorUserId, stored.AuthorName, stored.AuthorEmail));
        Assert.Contains(marker, stored.BodyMarkdown);
        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");
        Assert.Equal("Former reader", page.QuerySelector($"#comment-{mine.Id()}-author")!.TextContent);
        Assert.DoesNotContain(readerUser.DisplayName, page.DocumentElement.OuterHtml);
        Assert.Equal((2, 2), await factory.CommentCountsAsync(slug));
        await AssertGoneAsync(factory, readerUser, reply.Id());
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/account/data")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DeletingTheAccountWithRemovedCommentsLeavesPlaceholdersAndRightCounts(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var readerUser = await factory.CreateUserAsync();
        using var reader = factory.ClientFor(readerUser);
        using var other = factory.ClientFor(await factory.CreateUserAsync());
        var parentText = ModerationKit.Marker("parent");
        var loneText = ModerationKit.Marker("lone");
        var parent = await reader.PostCreatedAsync(slug, ModerationKit.Innocent(parentText));
        var lone = await reader.PostCreatedAsync(slug, ModerationKit.Innocent(loneText));
        Assert.Equal(HttpStatusCode.OK, (await EditTests.EditAsync(reader, lone.Id(), ModerationKit.Innocent(loneText + " again"))).StatusCode);
        var held = await reader.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("held")));
        var replyText = ModerationKit.Marker("reply");
        var reply = await other.PostCreatedAsync(slug, ModerationKit.Innocent(replyText), parentId: parent.Id());
        await VoteAsync(factory, readerUser.Id, reply.Id(), -1);
        Assert.Equal((4, 3), await factory.CommentCountsAsync(slug));
        using var session = await factory.SignInAsync(readerUser);

        var deleted = await DeleteAccountAsync(session, "remove");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        foreach (var id in new[] { parent.Id(), lone.Id(), held.Id() })
        {
            var stored = await factory.StoredAsync(id);
            Assert.Equal((CommentStatus.Deleted, "", "", null), (stored.Status, stored.BodyMarkdown, stored.BodyHtml, stored.AuthorUserId));
            Assert.Equal(DecisionSource.Author, (await factory.DecisionsAsync(id))[^1].Source);
        }
        await using (var db = factory.CreateDbContext())
        {
            Assert.False(await db.CommentEdits.AnyAsync(e => e.CommentId == lone.Id()));
            Assert.False(await db.CommentDecisions.AnyAsync(d => d.ActorUserId == readerUser.Id));
        }
        Assert.Equal((4, 1), await factory.CommentCountsAsync(slug));
        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");
        var placeholder = page.QuerySelector($"#comment-{parent.Id()}")!;
        Assert.Equal("[deleted]", placeholder.QuerySelector(".comment-placeholder")!.TextContent);
        Assert.Contains(replyText, placeholder.QuerySelector($"#comment-{reply.Id()}")!.TextContent);
        Assert.Null(page.QuerySelector($"#comment-{lone.Id()}"));
        foreach (var gone in new[] { parentText, loneText, readerUser.DisplayName })
        {
            Assert.DoesNotContain(gone, page.DocumentElement.OuterHtml);
        }
        await AssertGoneAsync(factory, readerUser, reply.Id());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DeletingTheAccountNeedsTheRightPasswordAndAChoice(string provider)
    {
        var factory = apps[provider];
        var user = await factory.CreateUserAsync();
        using var session = await factory.SignInAsync(user);

        var wrong = await DeleteAccountAsync(session, "anonymise", password: "not the password at all");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("That is not your password.", (await Http.ParseAsync(wrong)).QuerySelector("#field-password-error")!.TextContent);
        var unchosen = await DeleteAccountAsync(session, "");
        Assert.Equal(HttpStatusCode.BadRequest, unchosen.StatusCode);
        Assert.Equal("Choose what happens to your comments.", (await Http.ParseAsync(unchosen)).QuerySelector("#comments-error")!.TextContent);

        await using var db = factory.CreateDbContext();
        Assert.True(await db.Users.AnyAsync(u => u.Id == user.Id));
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/account/data")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheLastAdminCannotDeleteTheirAccount(string provider)
    {
        // An app of its own: the test counts every admin there is.
        using var factory = new BylineFactory(provider);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        await using (var db = factory.CreateDbContext())
        {
            // The generated first admin, if there is one, steps down: the test's admin is the only one.
            var role = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync();
            await db.UserRoles.Where(ur => ur.RoleId == role && ur.UserId != admin.Id).ExecuteDeleteAsync();
        }
        using var session = await factory.SignInAsync(admin);

        var refused = await DeleteAccountAsync(session, "anonymise");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("last admin", (await Http.ParseAsync(refused)).QuerySelector(".form-error")!.TextContent);
        await using (var db = factory.CreateDbContext())
        {
            Assert.True(await db.Users.AnyAsync(u => u.Id == admin.Id));
        }

        await factory.CreateUserAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await DeleteAccountAsync(session, "anonymise")).StatusCode);
        await using (var db = factory.CreateDbContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Id == admin.Id));
        }
    }

    /// <summary>The account, its votes (out of the counts), tokens and sessions are gone; the deletion is audited.</summary>
    private static async Task AssertGoneAsync(BylineFactory factory, TestUsers.TestUser user, long votedCommentId)
    {
        await using (var db = factory.CreateDbContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Id == user.Id));
            Assert.False(await db.CommentVotes.AnyAsync(v => v.UserId == user.Id));
            Assert.False(await db.ApiTokens.AnyAsync(t => t.UserId == user.Id));
            var voted = await db.Comments.AsNoTracking().SingleAsync(c => c.Id == votedCommentId);
            Assert.Equal((0, 0, 0), (voted.UpVotes, voted.DownVotes, voted.Score));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "account.delete" && a.Target == $"user:{user.Id}"));
        }
        using var again = AccountSession.Start(factory);
        var signIn = await again.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = TestUsers.Password });
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        using var token = factory.ClientFor(user);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
