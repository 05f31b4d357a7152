using System.Net;
using System.Net.Http.Json;
using Byline.Data.Comments;
using Byline.Data.Live;
using Byline.Tests.Infrastructure;
using Byline.Tests.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Comments;

/// <summary>Authors edit their own comments through the API within the site's edit window; the checks run again.</summary>
public sealed class EditTests(BylineApps apps) : IClassFixture<BylineApps>
{
    public static Task<HttpResponseMessage> EditAsync(HttpClient client, long id, string? body) =>
        client.PatchAsJsonAsync($"/api/v1/comments/{id}", new { body });

    private static async Task<List<CommentEdit>> EditsAsync(BylineFactory factory, long id)
    {
        await using var db = factory.CreateDbContext();
        return (await db.CommentEdits.AsNoTracking().Where(e => e.CommentId == id).ToListAsync()).OrderBy(e => e.Revision).ToList();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheAuthorEditsWithinTheWindowAndReadersSeeTheNewTextMarkedEdited(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var author = factory.ClientFor(await factory.CreateUserAsync());
        var anonymous = factory.CreateClient();
        var before = ModerationKit.Marker("before");
        var after = ModerationKit.Marker("after");
        var posted = await author.PostCreatedAsync(slug, ModerationKit.Innocent(before));
        var id = posted.Id();
        Assert.Contains(before, await anonymous.BodyAsync($"/world/{slug}"));
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(0, await db.DiscussionEvents.CountAsync(e => e.CommentId == id && e.Kind == DiscussionEventKind.Changed));
        }
        var version = await VersionAsync(factory, slug);
        factory.Time.Advance(TimeSpan.FromMinutes(10));

        var response = await EditAsync(author, id, $"Having read it again: *{after}*.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("approved", json.Status());
        Assert.Contains($"<em>{after}</em>", json.GetProperty("html").GetString());
        Assert.Equal(factory.Time.GetUtcNow(), json.GetProperty("editedAt").GetDateTimeOffset());
        var stored = await factory.StoredAsync(id);
        Assert.Equal((2, CommentStatus.Approved), (stored.Revision, stored.Status));
        Assert.Equal($"Having read it again: *{after}*.", stored.BodyMarkdown);
        var edit = Assert.Single(await EditsAsync(factory, id));
        Assert.Equal((1, ModerationKit.Innocent(before), stored.CreatedAt, factory.Time.GetUtcNow()), (edit.Revision, edit.BodyMarkdown, edit.WrittenAt, edit.ReplacedAt));
        Assert.True(await VersionAsync(factory, slug) > version);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(1, await db.DiscussionEvents.CountAsync(e => e.CommentId == id && e.Kind == DiscussionEventKind.Changed));
        }
        var page = await anonymous.GetPageAsync($"/world/{slug}");
        var shown = page.QuerySelector($"#comment-{id}")!;
        Assert.Contains(after, shown.QuerySelector(".comment-body")!.TextContent);
        Assert.DoesNotContain(before, page.DocumentElement.OuterHtml);
        var marker = shown.QuerySelector(".comment-edited time")!;
        Assert.Equal("edited", marker.TextContent);
        Assert.StartsWith("Edited ", marker.GetAttribute("title"));
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));

        // Again: the history keeps every replaced text, each with when it was written.
        factory.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, (await EditAsync(author, id, ModerationKit.Innocent(ModerationKit.Marker("third")))).StatusCode);
        var edits = await EditsAsync(factory, id);
        Assert.Equal([1, 2], edits.Select(e => e.Revision));
        Assert.Equal(stored.EditedAt, edits[1].WrittenAt);
        Assert.Equal(3, (await factory.StoredAsync(id)).Revision);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AfterTheEditWindowAnEditIsRefusedWithWhenItClosed(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var author = factory.ClientFor(await factory.CreateUserAsync());
        var marker = ModerationKit.Marker("late");
        var posted = await author.PostCreatedAsync(slug, ModerationKit.Innocent(marker));
        var created = posted.GetProperty("createdAt").GetDateTimeOffset();

        factory.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var problem = await Http.AssertProblemAsync(await EditAsync(author, posted.Id(), "Too late now."), HttpStatusCode.Forbidden, "edit-window-closed");

        Assert.Equal(created.AddMinutes(15), problem.GetProperty("until").GetDateTimeOffset());
        var stored = await factory.StoredAsync(posted.Id());
        Assert.Equal((1, null), (stored.Revision, stored.EditedAt));
        Assert.Contains(marker, stored.BodyMarkdown);
        Assert.Empty(await EditsAsync(factory, posted.Id()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnEditWindowOfZeroMinutesMeansCommentsCannotBeEdited(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var author = factory.ClientFor(await factory.CreateUserAsync());
        var posted = await author.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("never")));
        await factory.UpdateSiteSettingsAsync(s => s.EditWindowMinutes = 0);
        try
        {
            await Http.AssertProblemAsync(await EditAsync(author, posted.Id(), "Changed my mind."), HttpStatusCode.Forbidden, "edit-window-closed");
            var mine = await (await author.GetAsync($"/api/v1/me/comments?article={slug}")).ReadJsonAsync();
            var item = Assert.Single(mine.GetProperty("items").EnumerateArray());
            Assert.False(item.GetProperty("editable").GetBoolean());
        }
        finally
        {
            await factory.UpdateSiteSettingsAsync(s => s.EditWindowMinutes = 15);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OnlyTheSignedInAuthorEditsAndOnlyWhatIsStillTheirs(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var authorUser = await factory.CreateUserAsync();
        using var author = factory.ClientFor(authorUser);
        using var other = factory.ClientFor(await factory.CreateUserAsync());
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());
        var anonymous = factory.CreateClient();
        var mine = await author.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("mine")));
        var guests = await anonymous.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("guest")));

        await Http.AssertProblemAsync(await EditAsync(other, mine.Id(), "Not yours."), HttpStatusCode.NotFound, "comment-not-found");
        await Http.AssertProblemAsync(await EditAsync(moderator, mine.Id(), "Not yours either."), HttpStatusCode.NotFound, "comment-not-found");
        await Http.AssertProblemAsync(await EditAsync(anonymous, mine.Id(), "Guests cannot."), HttpStatusCode.Unauthorized, "sign-in-required");
        await Http.AssertProblemAsync(await EditAsync(anonymous, guests.Id(), "Not even their own."), HttpStatusCode.Unauthorized, "sign-in-required");
        await Http.AssertProblemAsync(await EditAsync(author, 987654321, "Nothing there."), HttpStatusCode.NotFound, "comment-not-found");

        // A rejected comment stays as the moderator saw it; a deleted one is gone.
        var held = await author.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("held")));
        await moderator.DecideOkAsync(held.Id(), "reject", "Advertising.");
        await Http.AssertProblemAsync(await EditAsync(author, held.Id(), "Now it is fine."), HttpStatusCode.Conflict, "not-editable");
        Assert.Equal(HttpStatusCode.NoContent, (await author.DeleteAsync($"/api/v1/comments/{mine.Id()}")).StatusCode);
        await Http.AssertProblemAsync(await EditAsync(author, mine.Id(), "Back again."), HttpStatusCode.NotFound, "comment-not-found");

        // A banned account edits nothing.
        var fresh = await author.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("fresh")));
        var ban = await moderator.PostAsJsonAsync($"/api/v1/moderation/users/{authorUser.Id}/ban", new { days = 1, reason = "Flooding." });
        Assert.Equal(HttpStatusCode.OK, ban.StatusCode);
        await Http.AssertProblemAsync(await EditAsync(author, fresh.Id(), "Still here."), HttpStatusCode.Forbidden, "user-banned");
        Assert.Equal(1, (await factory.StoredAsync(fresh.Id())).Revision);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnEditFollowsThePostingRulesAndAnUnchangedTextChangesNothing(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var author = factory.ClientFor(await factory.CreateUserAsync());
        var body = ModerationKit.Innocent(ModerationKit.Marker("rules"));
        var posted = await author.PostCreatedAsync(slug, body);
        var id = posted.Id();

        await Http.AssertProblemAsync(await EditAsync(author, id, "   "), HttpStatusCode.BadRequest, "body-required");
        await Http.AssertProblemAsync(await EditAsync(author, id, null), HttpStatusCode.BadRequest, "body-required");
        await Http.AssertProblemAsync(await EditAsync(author, id, new string('a', 10_001)), HttpStatusCode.BadRequest, "body-too-long");
        await Http.AssertProblemAsync(await EditAsync(author, id, "bad \uD800 text"), HttpStatusCode.BadRequest, "invalid-text");
        var notJson = await author.PatchAsync($"/api/v1/comments/{id}", new StringContent("body=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        var broken = await author.PatchAsync($"/api/v1/comments/{id}", new StringContent("{\"body\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);

        var same = await EditAsync(author, id, "  " + body + "\n");

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var stored = await factory.StoredAsync(id);
        Assert.Equal((1, null, body), (stored.Revision, stored.EditedAt, stored.BodyMarkdown));
        Assert.Empty(await EditsAsync(factory, id));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnEditTheChecksWouldHoldTakesTheCommentOutOfViewUntilAModeratorDecides(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var author = factory.ClientFor(await factory.CreateUserAsync());
        var moderatorUser = await factory.ModeratorAsync();
        using var moderator = factory.ClientFor(moderatorUser);
        var anonymous = factory.CreateClient();
        var innocent = ModerationKit.Marker("innocent");
        var spammy = ModerationKit.Marker("spammy");
        var posted = await author.PostCreatedAsync(slug, ModerationKit.Innocent(innocent));
        var id = posted.Id();
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));

        var response = await EditAsync(author, id, ModerationKit.Held(spammy));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pending", (await response.ReadJsonAsync()).Status());
        var stored = await factory.StoredAsync(id);
        Assert.Equal((CommentStatus.Pending, 2), (stored.Status, stored.Revision));
        Assert.Contains("suspect-word", stored.Codes());
        Assert.Equal((1, 0), await factory.CommentCountsAsync(slug));
        var decision = (await factory.DecisionsAsync(id))[^1];
        Assert.Equal((CommentStatus.Approved, CommentStatus.Pending, DecisionSource.Checks, 2), (decision.From, decision.To, decision.Source, decision.CommentRevision));
        var page = await anonymous.BodyAsync($"/world/{slug}");
        Assert.DoesNotContain(spammy, page);
        Assert.DoesNotContain(innocent, page);
        await Http.AssertProblemAsync(await anonymous.GetAsync($"/api/v1/comments/{id}"), HttpStatusCode.NotFound, "comment-not-found");
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(1, await db.DiscussionEvents.CountAsync(e => e.CommentId == id && e.Kind == DiscussionEventKind.Removed));
        }

        // Moderators see what it said before, in the queue and through the API.
        var item = await moderator.QueueItemAsync(slug, id);
        Assert.Equal(2, item!.Value.GetProperty("revision").GetInt32());
        var history = await (await moderator.GetAsync($"/api/v1/moderation/comments/{id}/edits")).ReadJsonAsync();
        Assert.Equal(2, history.GetProperty("revision").GetInt32());
        var earlier = Assert.Single(history.GetProperty("edits").EnumerateArray());
        Assert.Equal((1, ModerationKit.Innocent(innocent)), (earlier.GetProperty("revision").GetInt32(), earlier.GetProperty("body").GetString()));
        await Http.AssertProblemAsync(await author.GetAsync($"/api/v1/moderation/comments/{id}/edits"), HttpStatusCode.Forbidden, "forbidden");
        using var session = await factory.SignInAsync(moderatorUser);
        var queue = await session.PageAsync($"/moderation?story={slug}");
        var disclosure = queue.QuerySelector($"#queue-item-{id} details.queue-edits")!;
        Assert.StartsWith("Edited 1 time", disclosure.QuerySelector("summary")!.TextContent.Trim());
        Assert.Contains(innocent, disclosure.QuerySelector(".queue-edit-text")!.TextContent);

        // Approved on the revision the moderator read, it is back.
        var approve = await moderator.DecideAsync(id, "approve", revision: 2);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));
        Assert.Contains(spammy, await anonymous.BodyAsync($"/world/{slug}"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ADecisionOnTheTextBeforeAnEditIsRefusedAsStale(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var author = factory.ClientFor(await factory.CreateUserAsync());
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());
        var held = await author.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("first")));
        var id = held.Id();
        Assert.Equal(1, (await moderator.QueueItemAsync(slug, id))!.Value.GetProperty("revision").GetInt32());

        // Edited into something innocent, a held comment still waits for a moderator: an edit never publishes it.
        var edited = await EditAsync(author, id, ModerationKit.Innocent(ModerationKit.Marker("second")));
        Assert.Equal("pending", (await edited.ReadJsonAsync()).Status());
        Assert.Equal(CommentStatus.Pending, (await factory.StoredAsync(id)).Status);

        await Http.AssertProblemAsync(await moderator.DecideAsync(id, "approve", revision: 1), HttpStatusCode.Conflict, "stale-revision");
        Assert.Equal(CommentStatus.Pending, (await factory.StoredAsync(id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await moderator.DecideAsync(id, "approve", revision: 2)).StatusCode);
        Assert.Equal(CommentStatus.Approved, (await factory.StoredAsync(id)).Status);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheStoryPagesScriptLearnsWhichCommentsAreTheReadersOwn(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        var otherSlug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        await factory.AddStoryAsync(otherSlug);
        using var author = factory.ClientFor(await factory.CreateUserAsync());
        using var other = factory.ClientFor(await factory.CreateUserAsync());
        var old = await author.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("old")));
        factory.Time.Advance(TimeSpan.FromMinutes(20));
        var recent = await author.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("recent")));
        await author.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("held")));
        await author.PostCreatedAsync(otherSlug, ModerationKit.Innocent(ModerationKit.Marker("elsewhere")));
        await other.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("theirs")));

        var mine = await (await author.GetAsync($"/api/v1/me/comments?article={slug}")).ReadJsonAsync();

        var items = mine.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([recent.Id(), old.Id()], items.Select(i => i.Id()));
        Assert.Equal([true, false], items.Select(i => i.GetProperty("editable").GetBoolean()));
        Assert.Equal(recent.GetProperty("createdAt").GetDateTimeOffset().AddMinutes(15), items[0].GetProperty("editableUntil").GetDateTimeOffset());
        Assert.Equal(15, mine.GetProperty("editWindowMinutes").GetInt32());
        await Http.AssertProblemAsync(await factory.CreateClient().GetAsync($"/api/v1/me/comments?article={slug}"), HttpStatusCode.Unauthorized, "sign-in-required");
        await Http.AssertProblemAsync(await author.GetAsync("/api/v1/me/comments"), HttpStatusCode.BadRequest, "article-required");
        Assert.Empty((await (await author.GetAsync("/api/v1/me/comments?article=no-such-story")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }

    private static async Task<long> VersionAsync(BylineFactory factory, string slug)
    {
        await using var db = factory.CreateDbContext();
        return await db.Articles.Where(a => a.Slug == slug).Select(a => (long)a.Version).SingleAsync();
    }
}
