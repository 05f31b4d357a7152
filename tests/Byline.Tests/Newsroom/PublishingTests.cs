using System.Net;
using System.Net.Http.Json;
using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Newsroom;

/// <summary>What readers see when the newsroom publishes, edits and unpublishes: at once, even where pages were cached.</summary>
public sealed class PublishingTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PublishingMakesTheStoryPublicAndUnpublishingMakesIt404(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var story = await factory.CreateStoryAsync(editor, change: json => json["source"] = new
        {
            outlet = "Harbour Gazette",
            title = "Ports weigh a fuel levy",
            date = "2026-11-19",
            url = "https://example.com/levy",
        });
        var id = story.Id();
        var path = $"/world/{story.GetProperty("slug").GetString()}";
        var reader = factory.CreateClient();
        using var client = factory.ClientFor(editor);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);
        var frontBefore = await reader.GetPageAsync("/");
        Assert.Null(frontBefore.QuerySelector($"a[href='{path}']"));

        var published = await client.PostAsync($"/api/v1/newsroom/stories/{id}/moves/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("Published", (await published.ReadJsonAsync()).GetProperty("state").GetString());

        var page = await reader.GetPageAsync(path);
        Assert.Equal(story.GetProperty("headline").GetString(), page.QuerySelector("h1")!.Text());
        Assert.Contains("Harbour Gazette. (November 19, 2026). Ports weigh a fuel levy.", page.QuerySelector(".citation")!.Text(), StringComparison.Ordinal);
        Assert.NotNull((await reader.GetPageAsync("/")).QuerySelector($"a[href='{path}']"));
        var stored = await factory.StoredAsync(id);
        Assert.Equal(factory.Time.GetUtcNow(), stored.PublishedAt);

        var unpublished = await client.PostAsJsonAsync($"/api/v1/newsroom/stories/{id}/moves/unpublish", new { reason = "The source retracted its report." });
        Assert.Equal(HttpStatusCode.OK, unpublished.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/articles/{story.GetProperty("slug").GetString()}")).StatusCode);
        Assert.Null((await reader.GetPageAsync("/")).QuerySelector($"a[href='{path}']"));
        Assert.DoesNotContain("retracted", await unpublished.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        var audits = await db.AuditEntries.Where(e => e.Target == $"article:{id}").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["article.publish", "article.unpublish"], audits.Select(e => e.Action));
        Assert.Equal("The source retracted its report.", audits[1].Detail);
        Assert.All(audits, e => Assert.Equal(editor.Id, e.ActorUserId));

        // Republished, it keeps its first publication time.
        factory.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/newsroom/stories/{id}/moves/publish", null)).StatusCode);
        Assert.Equal(stored.PublishedAt, (await factory.StoredAsync(id)).PublishedAt);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EditingAPublishedStoryUpdatesThePublicPageAtOnce(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var story = await factory.CreateStoryAsync(editor);
        var id = story.Id();
        var path = $"/world/{story.GetProperty("slug").GetString()}";
        using var client = factory.ClientFor(editor);
        await client.PostAsync($"/api/v1/newsroom/stories/{id}/moves/publish", null);
        var reader = factory.CreateClient();
        Assert.Null((await reader.GetPageAsync(path)).QuerySelector(".updated"));
        var version = (await factory.StoredAsync(id)).Version;

        factory.Time.Advance(TimeSpan.FromDays(1));
        var form = await client.EditorFormAsync($"/newsroom/stories/{id}");
        form["Form.Headline"] = "Harbour levy agreed, with a review in two years";
        form["Form.Type"] = "Analysis";
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client)).StatusCode);

        var page = await reader.GetPageAsync(path);
        Assert.Equal("Harbour levy agreed, with a review in two years", page.QuerySelector("h1")!.Text());
        Assert.Equal("Analysis · World", page.QuerySelector(".kicker")!.Text());
        Assert.Equal("· Updated Nov. 28, 2026", page.QuerySelector(".updated")!.Text());
        var stored = await factory.StoredAsync(id);
        Assert.Equal(factory.Time.GetUtcNow(), stored.UpdatedAt);
        Assert.True(stored.Version > version);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task NewsStoriesCarryOnlyTheirSectionInTheKicker(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("kicker");
        await factory.AddStoryAsync(slug, section: "Harbours");

        var page = await factory.CreateClient().GetPageAsync($"/harbours/{slug}");

        Assert.Equal("Harbours", page.QuerySelector(".kicker")!.Text());
        Assert.Null(page.QuerySelector(".kicker .article-type"));
    }
}
