using System.Net;
using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Newsroom;

/// <summary>Restoring an old revision: a new revision with the old content, nothing else changed, never over someone's save.</summary>
public sealed class RevisionRestoreTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static (string, string) Based(int revision) => ("revision", revision.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RestoringMakesANewRevisionWithTheOldContentAndNothingElseChanges(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = await factory.AddStoryWithRevisionAsync(Unique.Slug("restore"), ArticleState.Draft, body: "The *original* body.\n");
        int writerId;
        await using (var db = factory.CreateDbContext())
        {
            var writer = db.Writers.Add(new Writer { Slug = Unique.Slug("w"), DisplayName = "Mateo Ruiz" }).Entity;
            await db.SaveChangesAsync();
            writerId = writer.Id;
        }
        var original = await factory.StoryAsync(id);
        await factory.AddRevisionAsync(id, a =>
        {
            a.Headline = "A rewritten headline";
            a.BodyMarkdown = "A rewritten body.\n";
            a.Tags = ["rewritten"];
            a.CommentsOpen = false;
            a.Bylines.Add(new ArticleByline { ArticleId = id, WriterId = writerId, Position = 1 });
        });

        var client = factory.ClientFor(editor);
        var response = await client.PostFormAsync($"/newsroom/stories/{id}/revisions", $"/newsroom/stories/{id}/revisions/1/restore", Based(2));

        response.AssertRedirect($"/newsroom/stories/{id}/revisions?restored=1");
        var restored = await factory.StoryAsync(id);
        Assert.Equal(3, restored.Revision);
        Assert.Equal(original.Headline, restored.Headline);
        Assert.Equal("The *original* body.\n", restored.BodyMarkdown);
        Assert.Equal("<p>The <em>original</em> body.</p>", restored.BodyHtml.Trim());
        Assert.Equal(original.Tags, restored.Tags);
        Assert.True(restored.CommentsOpen);
        Assert.Equal(original.Bylines.Select(b => b.WriterId), restored.Bylines.Select(b => b.WriterId));
        // Not content: untouched.
        Assert.Equal(ArticleState.Draft, restored.State);
        Assert.Equal(original.PublishedAt, restored.PublishedAt);
        Assert.Equal(original.UpdatedAt, restored.UpdatedAt);
        Assert.Equal(original.Version, restored.Version);
        Assert.Equal(original.CreatedByUserId, restored.CreatedByUserId);
        await using (var db = factory.CreateDbContext())
        {
            var revisions = await db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Number).ToListAsync();
            Assert.Equal([1, 2, 3], revisions.Select(r => r.Number));
            Assert.Equal("Restored from revision 1", revisions[2].Note);
            Assert.Equal(editor.DisplayName, revisions[2].AuthorName);
            Assert.Equal(editor.Id, revisions[2].AuthorUserId);
            Assert.Equal(revisions[0].BodyMarkdown, revisions[2].BodyMarkdown);
            Assert.Equal(revisions[0].Fields, revisions[2].Fields);
            Assert.Equal("A rewritten headline", revisions[1].Headline);
        }
        var history = await client.GetPageAsync($"/newsroom/stories/{id}/revisions?restored=1");
        Assert.Equal("Revision 1 was restored as revision 3.", history.QuerySelector("[role=status]")?.Text());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RestoringAPublishedStoryShowsOnItsPageAtOnceAndMarksItUpdated(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var slug = Unique.Slug("restore-live");
        var id = await factory.AddStoryWithRevisionAsync(slug);
        await factory.AddRevisionAsync(id, a => a.Headline = "A headline with a mistake");
        var anonymous = factory.CreateClient();
        Assert.Equal("A headline with a mistake", (await anonymous.GetPageAsync($"/world/{slug}")).QuerySelector("h1")?.Text());
        var before = await factory.StoryAsync(id);

        var response = await factory.ClientFor(editor).PostFormAsync($"/newsroom/stories/{id}/revisions", $"/newsroom/stories/{id}/revisions/1/restore", Based(2));

        response.AssertRedirect($"/newsroom/stories/{id}/revisions?restored=1");
        var after = await factory.StoryAsync(id);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(factory.Time.GetUtcNow(), after.UpdatedAt);
        Assert.Equal(before.PublishedAt, after.PublishedAt);
        Assert.Equal(ArticleState.Published, after.State);
        var page = await anonymous.GetPageAsync($"/world/{slug}");
        Assert.Equal(TestData.Headline, page.QuerySelector("h1")?.Text());
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "article.restore" && e.Target == $"article:{id}"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RestoringFromAStaleHistoryConflictsAndStoresNothing(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = await factory.AddStoryWithRevisionAsync(Unique.Slug("stale"));
        await factory.AddRevisionAsync(id, a => a.Headline = "Second");
        var client = factory.ClientFor(editor);
        var document = await client.GetPageAsync($"/newsroom/stories/{id}/revisions");
        var token = document.QuerySelector("form[action$='/1/restore'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        // Someone else saves after the history was opened.
        await factory.AddRevisionAsync(id, a => a.Headline = "Third, by someone else");

        var response = await client.PostAsync($"/newsroom/stories/{id}/revisions/1/restore",
            new FormUrlEncodedContent([new("revision", "2"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Http.ParseAsync(response);
        Assert.Contains("it is now at revision 3", page.QuerySelector("[role=alert]")?.Text(), StringComparison.Ordinal);
        Assert.Equal($"/newsroom/stories/{id}/revisions/diff?from=2&to=3", page.QuerySelector(".newsroom-links a")?.GetAttribute("href"));
        var story = await factory.StoryAsync(id);
        Assert.Equal(3, story.Revision);
        Assert.Equal("Third, by someone else", story.Headline);
        await using var db = factory.CreateDbContext();
        Assert.Equal(3, await db.ArticleRevisions.CountAsync(r => r.ArticleId == id));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RestoringASlugThatNowBelongsToAnotherStoryIsRefused(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var oldSlug = Unique.Slug("old-address");
        var id = await factory.AddStoryWithRevisionAsync(oldSlug);
        await factory.AddRevisionAsync(id, a => a.Slug = Unique.Slug("new-address"));
        await factory.AddStoryAsync(oldSlug);

        var response = await factory.ClientFor(editor).PostFormAsync($"/newsroom/stories/{id}/revisions", $"/newsroom/stories/{id}/revisions/1/restore", Based(2));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Http.ParseAsync(response);
        Assert.Contains($"“{oldSlug}”, which now belongs to another story", page.QuerySelector("[role=alert]")?.Text(), StringComparison.Ordinal);
        var story = await factory.StoryAsync(id);
        Assert.Equal(2, story.Revision);
        Assert.NotEqual(oldSlug, story.Slug);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WhoMayRestoreFollowsWhoMayEdit(string provider)
    {
        var factory = apps[provider];
        var owner = await factory.CreateUserAsync(Roles.Writer);
        var otherWriter = await factory.CreateUserAsync(Roles.Writer);
        var reader = await factory.CreateUserAsync();
        var id = await factory.AddStoryWithRevisionAsync(Unique.Slug("who"), ArticleState.Draft, createdBy: owner.Id);
        await factory.AddRevisionAsync(id, a => a.Headline = "Second");
        var restore = $"/newsroom/stories/{id}/revisions/1/restore";
        var history = $"/newsroom/stories/{id}/revisions";

        // Others cannot even load the form, and a post with a valid token of their own still answers 404.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(otherWriter).GetAsync(history)).StatusCode);
        foreach (var stranger in new[] { otherWriter, reader })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await factory.PostAsAsync(stranger, restore, Based(2))).StatusCode);
        }
        Assert.Equal(2, (await factory.StoryAsync(id)).Revision);

        // The owner may restore their own draft…
        var own = await factory.ClientFor(owner).PostFormAsync(history, restore, Based(2));
        own.AssertRedirect(history);
        Assert.Equal(3, (await factory.StoryAsync(id)).Revision);

        // …but not once it is in review: then only editors change it.
        await using (var db = factory.CreateDbContext())
        {
            await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(a => a.SetProperty(x => x.State, ArticleState.InReview));
        }
        var refused = await factory.PostAsAsync(owner, $"/newsroom/stories/{id}/revisions/2/restore", Based(3));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(3, (await factory.StoryAsync(id)).Revision);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RestoreNeedsAPostWithAnAntiforgeryTokenAndAnExistingRevision(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = await factory.AddStoryWithRevisionAsync(Unique.Slug("forms"));
        await factory.AddRevisionAsync(id, a => a.Headline = "Second");
        var client = factory.ClientFor(editor);
        var restore = $"/newsroom/stories/{id}/revisions/1/restore";

        // Only POST restores; a GET is refused by routing (404 or 405, depending on what else listens for GETs there).
        var get = await client.GetAsync(restore);
        Assert.True(get.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, $"GET answered {(int)get.StatusCode}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PutAsync(restore, new FormUrlEncodedContent([new("revision", "2")]))).StatusCode);
        var noToken = await client.PostAsync(restore, new FormUrlEncodedContent([new("revision", "2")]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        var missing = await factory.PostAsAsync(editor, $"/newsroom/stories/{id}/revisions/7/restore", Based(2));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var noRevision = await factory.PostAsAsync(editor, restore);
        Assert.Equal(HttpStatusCode.BadRequest, noRevision.StatusCode);
        var current = await factory.PostAsAsync(editor, $"/newsroom/stories/{id}/revisions/2/restore", Based(2));
        current.AssertRedirect($"/newsroom/stories/{id}/revisions?unchanged=2");
        Assert.Equal(2, (await factory.StoryAsync(id)).Revision);
    }
}
