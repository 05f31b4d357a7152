using System.Net;
using System.Net.Http.Json;
using System.Text;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Hosting;

/// <summary>Anonymous pages come from the page cache; a new comment evicts them; signed-in readers bypass it.</summary>
public sealed class CachedPagesTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private async Task<(BylineFactory Factory, string Slug, HttpClient Client)> StoryAsync(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("cached");
        await factory.AddStoryAsync(slug);
        return (factory, slug, factory.CreateClient());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SecondAnonymousReadOfAStoryDoesNotTouchTheDatabase(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);
        var first = await factory.Sql.CountDuringAsync(() => client.GetPageAsync($"/world/{slug}"));

        var second = await factory.Sql.CountDuringAsync(() => client.GetPageAsync($"/world/{slug}"));

        Assert.True(first > 0, "the first read renders the page");
        Assert.Equal(0, second);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PostingACommentThroughTheApiShowsItAtOnce(string provider)
    {
        var (_, slug, client) = await StoryAsync(provider);
        var before = await client.GetPageAsync($"/world/{slug}");
        Assert.Equal("0 Comments · 0 Inline Feedbacks · View all comments", before.QuerySelector(".discussion-header")?.Text());

        var posted = await client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", new { body = "Fresh off the press." });
        var id = (await posted.ReadJsonAsync()).GetProperty("id").GetInt64();

        var after = await client.GetPageAsync($"/world/{slug}");
        Assert.Equal("Fresh off the press.", after.GetElementById($"comment-{id}")?.QuerySelector(".comment-body")?.Text());
        Assert.Equal("1 Comment · 0 Inline Feedbacks · View all comments", after.QuerySelector(".discussion-header")?.Text());
        var discussion = await client.GetPageAsync($"/world/{slug}/comments");
        Assert.NotNull(discussion.GetElementById($"comment-{id}"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SignedInReadersReuseRenderedFragmentsUntilTheStoryChanges(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);
        var signedIn = factory.CreateClient();
        signedIn.DefaultRequestHeaders.Add("Cookie", ".Byline.Auth=x");

        var first = await factory.Sql.CountDuringAsync(() => signedIn.GetPageAsync($"/world/{slug}"));
        var second = await factory.Sql.CountDuringAsync(() => signedIn.GetPageAsync($"/world/{slug}"));
        Assert.True(second < first, $"a re-render reuses the story and threads fragments ({second} commands vs {first})");
        Assert.Equal(1, second);

        var posted = await client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", new { body = "Seen by the signed-in reader." });
        var id = (await posted.ReadJsonAsync()).GetProperty("id").GetInt64();

        var page = await signedIn.GetPageAsync($"/world/{slug}");
        Assert.Equal("Seen by the signed-in reader.", page.GetElementById($"comment-{id}")?.QuerySelector(".comment-body")?.Text());
        Assert.Equal("1 Comment · 0 Inline Feedbacks · View all comments", page.QuerySelector(".discussion-header")?.Text());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PostingACommentThroughTheFormShowsItAtOnce(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);
        await client.GetPageAsync($"/world/{slug}");
        await client.GetPageAsync($"/world/{slug}/comments");
        await client.GetPageAsync("/");

        var form = new FormUrlEncodedContent([new("Body", "Posted by form."), new("AuthorName", "Ana")]);
        var page = await client.PostAsync($"/world/{slug}", form); // follows the redirect to the story

        var id = Assert.Single(await factory.CommentsOfAsync(slug)).Id;
        Assert.NotNull((await Http.ParseAsync(page)).GetElementById($"comment-{id}"));
        Assert.NotNull((await client.GetPageAsync($"/world/{slug}/comments")).GetElementById($"comment-{id}"));
        var storyCard = (await client.GetPageAsync("/")).QuerySelectorAll(".story-card").Single(c => c.QuerySelector($"a[href='/world/{slug}']") is not null);
        Assert.Contains("1 Comment", storyCard.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CachedPagesAreRenderedAgainAfterTheirLifetime(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);
        await client.GetPageAsync($"/world/{slug}");
        Assert.Equal(0, await factory.Sql.CountDuringAsync(() => client.GetPageAsync($"/world/{slug}")));

        factory.Time.Advance(Byline.Web.Hosting.PageCache.Lifetime);

        Assert.True(await factory.Sql.CountDuringAsync(() => client.GetPageAsync($"/world/{slug}")) > 0);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SignedInReaderIsNeverServedFromTheCache(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);
        var signedIn = factory.CreateClient();
        signedIn.DefaultRequestHeaders.Add("Cookie", ".Byline.Auth=x");
        await client.GetPageAsync($"/world/{slug}");
        await signedIn.GetPageAsync($"/world/{slug}");

        var anonymous = await factory.Sql.CountDuringAsync(() => client.GetPageAsync($"/world/{slug}"));
        var authenticated = await factory.Sql.CountDuringAsync(() => signedIn.GetPageAsync($"/world/{slug}"));

        Assert.Equal(0, anonymous);
        Assert.True(authenticated > 0, "a signed-in reader's page is rendered fresh");

        // An edit the page cache was not told about (but which bumps the story's version, as every edit does):
        // the anonymous page is stale, the signed-in one is not.
        await using (var db = factory.CreateDbContext())
        {
            var article = db.Articles.Single(a => a.Slug == slug);
            article.Headline = "Headline changed behind the cache";
            article.Version++;
            await db.SaveChangesAsync();
        }
        Assert.Equal(TestData.Headline, (await client.GetPageAsync($"/world/{slug}")).QuerySelector("h1")?.Text());
        Assert.Equal("Headline changed behind the cache", (await signedIn.GetPageAsync($"/world/{slug}")).QuerySelector("h1")?.Text());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SignedInResponsesAreNotStoredForEveryone(string provider)
    {
        var (factory, slug, _) = await StoryAsync(provider);
        var signedIn = factory.CreateClient();
        signedIn.DefaultRequestHeaders.Add("Cookie", ".Byline.Auth=x");
        var authorized = factory.CreateClient();
        authorized.DefaultRequestHeaders.Add("Authorization", "Bearer x");

        await signedIn.GetPageAsync($"/world/{slug}");
        await authorized.GetPageAsync($"/world/{slug}");

        // Neither filled the cache: the first anonymous read still renders.
        Assert.True(await factory.Sql.CountDuringAsync(() => factory.CreateClient().GetPageAsync($"/world/{slug}")) > 0);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OtherQueryParametersDoNotSplitTheCache(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);
        await client.GetPageAsync($"/world/{slug}");

        var commands = await factory.Sql.CountDuringAsync(() => client.GetPageAsync($"/world/{slug}?utm_source=newsletter&x={Guid.NewGuid()}"));

        Assert.Equal(0, commands);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RefusedPostLeavesTheCachedPageAlone(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);
        await client.GetPageAsync($"/world/{slug}");

        var refused = await client.PostAsync($"/api/v1/articles/{slug}/comments", new StringContent("{\"body\":\"\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        Assert.Equal(0, await factory.Sql.CountDuringAsync(() => client.GetPageAsync($"/world/{slug}")));
    }
}
