using System.Net;
using Byline.Data.Accounts;
using Byline.Data.Live;
using Byline.Tests.Infrastructure;
using Byline.Tests.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Comments;

/// <summary>Editors feature threads: who may, what readers then see (picks first, a badge, the Featured tab), and the record kept.</summary>
public sealed class VotesFeaturedTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OnlyEditorsAndAdminsFeatureThreads(string provider)
    {
        var factory = apps[provider];
        var (slug, id, author) = await factory.StoryWithCommentAsync();
        var reply = await author.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("reply")), parentId: id);

        await Http.AssertProblemAsync(await factory.CreateClient().FeatureAsync(id), HttpStatusCode.Unauthorized, "sign-in-required");
        foreach (var role in new[] { Roles.Reader, Roles.Writer, Roles.Moderator })
        {
            using var client = factory.ClientFor(role == Roles.Reader ? await factory.CreateUserAsync() : await factory.CreateUserAsync(role));
            await Http.AssertProblemAsync(await client.FeatureAsync(id), HttpStatusCode.Forbidden, "editors-only");
            await Http.AssertProblemAsync(await client.FeatureAsync(id, featured: false), HttpStatusCode.Forbidden, "editors-only");
        }
        Assert.Null((await factory.StoredAsync(id)).FeaturedAt);

        using var editor = factory.ClientFor(await factory.CreateUserAsync(Roles.Editor));
        using var admin = factory.ClientFor(await factory.CreateUserAsync(Roles.Admin));
        var featured = await (await editor.FeatureAsync(id)).ReadJsonAsync();
        Assert.True(featured.GetProperty("featured").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await editor.FeatureAsync(id)).StatusCode);
        Assert.Equal(factory.Time.GetUtcNow(), (await factory.StoredAsync(id)).FeaturedAt);
        Assert.False((await (await admin.FeatureAsync(id, featured: false)).ReadJsonAsync()).GetProperty("featured").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await admin.FeatureAsync(id)).StatusCode);
        await Http.AssertProblemAsync(await editor.FeatureAsync(reply.Id()), HttpStatusCode.Conflict, "not-a-thread");
        await Http.AssertProblemAsync(await editor.FeatureAsync(long.MaxValue - 9), HttpStatusCode.NotFound, "comment-not-found");
        var held = await author.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("held")));
        await Http.AssertProblemAsync(await editor.FeatureAsync(held.Id()), HttpStatusCode.NotFound, "comment-not-found");

        await using var db = factory.CreateDbContext();
        Assert.Equal(["comment.feature", "comment.unfeature", "comment.feature"],
            await db.AuditEntries.Where(e => e.Target == $"comment:{id}").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(3, await db.DiscussionEvents.CountAsync(e => e.CommentId == id && e.Kind == DiscussionEventKind.Changed));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FeaturedThreadsComeFirstOnceWithABadgeAndHaveTheirOwnTab(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var threads = await factory.AddThreadsAsync(slug, Enumerable.Repeat(1, 24).ToList());
        using var editor = factory.ClientFor(await factory.CreateUserAsync(Roles.Editor));
        var old = threads[0].RootId;
        var middle = threads[10].RootId;
        Assert.Equal(HttpStatusCode.OK, (await editor.FeatureAsync(old)).StatusCode);
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await editor.FeatureAsync(middle)).StatusCode);
        var guest = factory.CreateClient();

        var story = await guest.GetPageAsync($"/world/{slug}");
        var picks = story.QuerySelectorAll(".editors-picks > ol > li > article").Select(a => a.Id).ToList();
        Assert.Equal([$"comment-{middle}", $"comment-{old}"], picks);
        Assert.Contains("Editor’s picks", story.QuerySelector(".editors-picks .picks-label")!.TextContent);
        Assert.Equal("Featured", story.QuerySelector($"#comment-{old} .featured-badge")!.Text());
        Assert.Null(story.QuerySelector($"#comment-{threads[1].RootId} .featured-badge"));
        Assert.Null(story.QuerySelector($"#threads #comment-{old}"));

        var all = (await guest.PagesAsync(slug, "newest", 5)).SelectMany(p => p).ToList();
        Assert.Equal([middle, old], all.Take(2));
        Assert.Equal(24, all.Distinct().Count());
        Assert.Equal(24, all.Count);

        Assert.Equal([[middle, old]], await guest.PagesAsync(slug, "featured", 20));
        Assert.Equal([[middle], [old]], await guest.PagesAsync(slug, "featured", 1));
        var tab = await guest.GetPageAsync($"/world/{slug}/comments?sort=featured");
        Assert.Equal(2, tab.QuerySelectorAll("#threads > li").Length);

        // The "where is my comment" link of a pick is the first page, where the picks are.
        var location = await factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync($"/comments/{old}");
        Assert.Equal($"/world/{slug}#comment-{old}", location.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnEditorFeaturesWithoutScriptFromTheVotePage(string provider)
    {
        var factory = apps[provider];
        var (slug, id, _) = await factory.StoryWithCommentAsync();
        using var editor = await factory.SignInAsync(await factory.CreateUserAsync(Roles.Editor));
        using var reader = await factory.SignInAsync(await factory.CreateUserAsync());
        Assert.Null((await reader.PageAsync($"/comments/{id}/vote")).QuerySelector("form.feature-form"));

        var featured = await editor.Client.SubmitAsync($"/comments/{id}/vote", "form.feature-form");

        Assert.Equal(HttpStatusCode.Redirect, featured.StatusCode);
        Assert.NotNull((await factory.StoredAsync(id)).FeaturedAt);
        Assert.Contains("Stop featuring", (await editor.PageAsync($"/comments/{id}/vote")).QuerySelector("form.feature-form")!.TextContent);
        Assert.NotNull((await factory.CreateClient().GetPageAsync($"/world/{slug}")).QuerySelector($"#comment-{id} .featured-badge"));
    }
}
