using System.Net;
using System.Net.Http.Json;
using Byline.Data.Comments;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Moderation;

/// <summary>What authors do about their own comments: appeal a moderator's rejection once, or withdraw them.</summary>
public sealed class AuthorActionTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static Task<HttpResponseMessage> AppealAsync(HttpClient client, long id, string? note = "It answers the story's second paragraph.") =>
        client.PostAsJsonAsync($"/api/v1/comments/{id}/appeal", new { note });

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheAuthorAppealsAModeratorsRejectionOnceAndItGoesBackToTheQueue(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var authorUser = await factory.CreateUserAsync();
        using var author = factory.ClientFor(authorUser);
        using var other = factory.ClientFor(await factory.CreateUserAsync());
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());
        var held = await author.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("appeal")));
        var id = held.Id();

        await Http.AssertProblemAsync(await AppealAsync(author, id), HttpStatusCode.Conflict, "not-appealable");
        await moderator.DecideOkAsync(id, "reject", "Advertising or solicitation.");
        await Http.AssertProblemAsync(await AppealAsync(factory.CreateClient(), id), HttpStatusCode.Unauthorized, "sign-in-required");
        await Http.AssertProblemAsync(await AppealAsync(other, id), HttpStatusCode.NotFound, "comment-not-found");
        await Http.AssertProblemAsync(await AppealAsync(author, id, note: null), HttpStatusCode.BadRequest, "note-required");
        Assert.Equal(CommentStatus.Rejected, (await factory.StoredAsync(id)).Status);

        var appealed = await AppealAsync(author, id);

        Assert.Equal(HttpStatusCode.OK, appealed.StatusCode);
        Assert.Equal("pending", (await appealed.ReadJsonAsync()).Status());
        var stored = await factory.StoredAsync(id);
        Assert.Equal(CommentStatus.Pending, stored.Status);
        Assert.Contains("appeal", stored.Codes());
        Assert.Equal("It answers the story's second paragraph.", stored.AppealNote);
        var decision = (await factory.DecisionsAsync(id))[^1];
        Assert.Equal((CommentStatus.Rejected, CommentStatus.Pending, DecisionSource.Appeal, authorUser.Id), (decision.From, decision.To, decision.Source, decision.ActorUserId));
        var item = await moderator.QueueItemAsync(slug, id);
        Assert.Equal("It answers the story's second paragraph.", item!.Value.GetProperty("appeal").GetString());
        Assert.Contains("appeal", item.Value.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        await moderator.DecideOkAsync(id, "reject", "Still advertising.");
        await Http.AssertProblemAsync(await AppealAsync(author, id), HttpStatusCode.Conflict, "not-appealable");
        Assert.Equal(CommentStatus.Rejected, (await factory.StoredAsync(id)).Status);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WhatTheChecksRefusedOrSpamCannotBeAppealed(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var word = "glorpfest" + Guid.NewGuid().ToString("N")[..6];
        await factory.UpdateSiteSettingsAsync(s => s.BannedWords = (s.BannedWords + "\n" + word).Trim());
        using var author = factory.ClientFor(await factory.CreateUserAsync());
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());
        var refused = await author.PostCreatedAsync(slug, $"A {word} of a story.");
        var spam = await author.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("spam")));
        await moderator.DecideOkAsync(spam.Id(), "spam");
        var approved = await author.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("fine")));

        foreach (var id in new[] { refused.Id(), spam.Id(), approved.Id() })
        {
            await Http.AssertProblemAsync(await AppealAsync(author, id), HttpStatusCode.Conflict, "not-appealable");
        }
        Assert.Equal(CommentStatus.Rejected, (await factory.StoredAsync(refused.Id())).Status);
        Assert.Equal(CommentStatus.Spam, (await factory.StoredAsync(spam.Id())).Status);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ADeletedCommentWithAnApprovedReplyLeavesAPlaceholderThatKeepsTheReply(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var author = factory.ClientFor(await factory.CreateUserAsync());
        var anonymous = factory.CreateClient();
        var parentMarker = ModerationKit.Marker("parent");
        var replyMarker = ModerationKit.Marker("reply");
        var parent = await author.PostCreatedAsync(slug, ModerationKit.Innocent(parentMarker));
        var reply = await anonymous.PostCreatedAsync(slug, ModerationKit.Innocent(replyMarker), parentId: parent.Id());
        Assert.Contains(parentMarker, await anonymous.BodyAsync($"/world/{slug}"));

        await Http.AssertProblemAsync(await factory.ClientFor(await factory.CreateUserAsync()).DeleteAsync($"/api/v1/comments/{parent.Id()}"),
            HttpStatusCode.NotFound, "comment-not-found");
        await Http.AssertProblemAsync(await anonymous.DeleteAsync($"/api/v1/comments/{parent.Id()}"), HttpStatusCode.Unauthorized, "sign-in-required");
        var deleted = await author.DeleteAsync($"/api/v1/comments/{parent.Id()}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var stored = await factory.StoredAsync(parent.Id());
        Assert.Equal((CommentStatus.Deleted, "", ""), (stored.Status, stored.BodyMarkdown, stored.BodyHtml));
        foreach (var url in new[] { $"/world/{slug}", $"/world/{slug}/comments" })
        {
            var page = await anonymous.GetPageAsync(url);
            var placeholder = page.QuerySelector($"#comment-{parent.Id()}")!;
            Assert.Equal("[deleted]", placeholder.QuerySelector(".comment-placeholder")!.TextContent);
            Assert.Contains(replyMarker, placeholder.QuerySelector($"#comment-{reply.Id()}")!.TextContent);
            Assert.DoesNotContain(parentMarker, page.DocumentElement.OuterHtml);
        }
        var list = await (await anonymous.GetAsync($"/api/v1/articles/{slug}/comments")).ReadJsonAsync();
        var thread = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(("deleted", ""), (thread.Status(), thread.GetProperty("body").GetString()));
        Assert.Equal(reply.Id(), Assert.Single(thread.GetProperty("replies").EnumerateArray()).Id());
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal((2, 1), await factory.CommentCountsAsync(slug));
        await Http.AssertProblemAsync(await author.GetAsync($"/api/v1/comments/{parent.Id()}"), HttpStatusCode.NotFound, "comment-not-found");
        await Http.AssertProblemAsync(await author.DeleteAsync($"/api/v1/comments/{parent.Id()}"), HttpStatusCode.NotFound, "comment-not-found");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ADeletedCommentWithoutRepliesDisappearsAndIsUncounted(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var author = factory.ClientFor(await factory.CreateUserAsync());
        var anonymous = factory.CreateClient();
        var marker = ModerationKit.Marker("gone");
        var comment = await author.PostCreatedAsync(slug, ModerationKit.Innocent(marker));
        Assert.Equal("1 Comment", (await anonymous.GetPageAsync($"/world/{slug}")).QuerySelector(".comment-count")!.TextContent);

        Assert.Equal(HttpStatusCode.NoContent, (await author.DeleteAsync($"/api/v1/comments/{comment.Id()}")).StatusCode);

        var page = await anonymous.GetPageAsync($"/world/{slug}");
        Assert.Equal("0 Comments", page.QuerySelector(".comment-count")!.TextContent);
        Assert.Null(page.QuerySelector($"#comment-{comment.Id()}"));
        Assert.DoesNotContain("[deleted]", page.QuerySelector("#threads")!.TextContent);
        Assert.DoesNotContain(marker, page.DocumentElement.OuterHtml);
        Assert.Empty((await (await anonymous.GetAsync($"/api/v1/articles/{slug}/comments")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal((1, 0), await factory.CommentCountsAsync(slug));
        Assert.Equal(DecisionSource.Author, (await factory.DecisionsAsync(comment.Id()))[^1].Source);
    }
}
