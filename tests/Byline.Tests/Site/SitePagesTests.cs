using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Site;

public sealed class SitePagesTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static List<string?> StoryLinks(IDocument page) =>
        [.. page.QuerySelectorAll(".story-list .story-card-headline a").Select(a => a.GetAttribute("href"))];

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FrontPageListsStoriesNewestFirstAndPagesWithOlderLinks(string provider)
    {
        var factory = apps[provider];
        // Newer than anything else in this app, so they lead the front page; two pairs share an instant.
        var start = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
        var expected = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var slug = Unique.Slug($"front-{i}");
            await factory.AddStoryAsync(slug, headline: $"Front story {i}", published: start.AddMinutes(i is 3 or 7 ? i - 1 : i));
            expected.Add($"/world/{slug}");
        }
        await using (var db = factory.CreateDbContext())
        {
            var order = await db.Articles.Where(a => a.Headline.StartsWith("Front story"))
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => "/world/" + a.Slug).ToListAsync();
            expected = order;
        }
        var client = factory.CreateClient();

        var first = await client.GetPageAsync("/");
        Assert.Equal(expected.Take(20), StoryLinks(first));
        var older = first.QuerySelector("a[rel=next]")?.GetAttribute("href");
        Assert.NotNull(older);
        Assert.StartsWith("/?before=", older, StringComparison.Ordinal);

        var second = await client.GetPageAsync(older);
        Assert.Equal(expected.Skip(20), StoryLinks(second).Take(5));
        Assert.Empty(StoryLinks(second).Intersect(StoryLinks(first)));

        var card = first.QuerySelector(".story-card")!;
        Assert.Equal("Front story 24", card.QuerySelector(".story-card-headline")?.Text());
        Assert.Equal(TestData.Standfirst, card.QuerySelector(".story-card-standfirst")?.Text());
        Assert.Equal("/writers/ingrid-halvorsen", card.QuerySelector(".story-card-meta a")?.GetAttribute("href"));
        Assert.Equal("Nov. 26, 2026", card.QuerySelector("time")?.Text());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SectionPageListsOnlyItsStories(string provider)
    {
        var factory = apps[provider];
        var section = "Science " + Unique.Slug("s");
        var sectionSlug = Byline.Web.Articles.Slugs.From(section);
        var older = Unique.Slug("sci");
        var newer = Unique.Slug("sci");
        await factory.AddStoryAsync(older, section: section, published: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await factory.AddStoryAsync(newer, section: section, published: new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
        await factory.AddStoryAsync(Unique.Slug("elsewhere"));

        var page = await factory.CreateClient().GetPageAsync($"/{sectionSlug}");

        Assert.Equal(section, page.QuerySelector("h1")?.Text());
        Assert.Equal([$"/{sectionSlug}/{newer}", $"/{sectionSlug}/{older}"], StoryLinks(page));
        Assert.Null(page.QuerySelector("a[rel=next]"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WriterPageShowsBioAndTheirStories(string provider)
    {
        var factory = apps[provider];
        var name = "Nadia Rahman " + Unique.Slug("w").Replace('-', ' ');
        var writerSlug = Byline.Web.Articles.Slugs.From(name);
        var solo = Unique.Slug("solo");
        var shared = Unique.Slug("shared");
        await factory.AddStoryAsync(solo, writers: [name], published: new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        await factory.AddStoryAsync(shared, writers: ["Tomás Ruiz", name], published: new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero));
        await factory.AddStoryAsync(Unique.Slug("not-hers"), writers: ["Tomás Ruiz"]);
        await using (var db = factory.CreateDbContext())
        {
            var writer = await db.Writers.SingleAsync(w => w.Slug == writerSlug);
            writer.Bio = "Covers trade and shipping from Rotterdam.";
            await db.SaveChangesAsync();
        }

        var page = await factory.CreateClient().GetPageAsync($"/writers/{writerSlug}");

        Assert.Equal(name, page.QuerySelector("h1")?.Text());
        Assert.Equal("Covers trade and shipping from Rotterdam.", page.QuerySelector(".writer-bio")?.Text());
        Assert.Equal([$"/world/{shared}", $"/world/{solo}"], StoryLinks(page));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UnknownStorySectionWriterAndPathAreFriendlyNotFoundPages(string provider)
    {
        var factory = apps[provider];
        await factory.AddStoryAsync(Unique.Slug("present"));
        var client = factory.CreateClient();

        foreach (var url in new[] { "/world/no-such-story", "/no-such-section", "/writers/nobody-at-all", "/world/x/comments", "/world/x/reply/1", "/a/b/c/d/e", "/errors/404" })
        {
            var response = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var page = await Http.ParseAsync(response);
            Assert.Equal("Page not found", page.QuerySelector("main h1")?.Text());
            Assert.NotNull(page.QuerySelector("main a[href='/']"));
            Assert.NotNull(page.QuerySelector("header.masthead"));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UnknownApiPathsAnswerProblemJson(string provider)
    {
        var client = apps[provider].CreateClient();

        foreach (var url in new[] { "/api/v1/nothing", "/api/v1/nothing/here/at/all", "/api/v1/comments/not-a-number", "/api/v2/articles/x", "/api/v1" })
        {
            await Http.AssertProblemAsync(await client.GetAsync(url), HttpStatusCode.NotFound, "not-found");
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RobotsHealthAndReadiness(string provider)
    {
        var client = apps[provider].CreateClient();

        var robots = await client.GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, robots.StatusCode);
        Assert.Equal("text/plain", robots.Content.Headers.ContentType?.MediaType);
        var lines = (await robots.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /api/", lines);

        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadinessFailsWhenTheDatabaseDoesNotAnswer()
    {
        using var factory = new BylineFactory(Databases.Postgres);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        using (var admin = new Npgsql.NpgsqlConnection(Databases.PostgresAdminConnection))
        {
            await admin.OpenAsync();
            var database = new Npgsql.NpgsqlConnectionStringBuilder(factory.ConnectionString).Database;
            await using var command = new Npgsql.NpgsqlCommand($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'", admin);
            await command.ExecuteNonQueryAsync();
        }
        Npgsql.NpgsqlConnection.ClearAllPools();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesEveryApiEndpoint()
    {
        var client = apps[Databases.Sqlite].CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .Where(o => o.Contains("/api/v1/", StringComparison.Ordinal))
            .Order()
            .ToList();
        Assert.Equal(
        [
            "DELETE /api/v1/comments/{id}",
            "DELETE /api/v1/comments/{id}/feature",
            "DELETE /api/v1/comments/{id}/vote",
            "DELETE /api/v1/moderation/users/{userId}/ban",
            "GET /api/v1/articles/{slug}",
            "GET /api/v1/articles/{slug}/comments",
            "GET /api/v1/articles/{slug}/live",
            "GET /api/v1/comments/{id}",
            "GET /api/v1/me",
            "GET /api/v1/me/comments",
            "GET /api/v1/me/export",
            "GET /api/v1/me/notifications",
            "GET /api/v1/me/subscriptions/{slug}",
            "GET /api/v1/me/votes",
            "GET /api/v1/moderation/comments/{id}/edits",
            "GET /api/v1/moderation/metrics",
            "GET /api/v1/moderation/queue",
            "GET /api/v1/newsroom/stories/{id}",
            "GET /api/v1/search",
            "PATCH /api/v1/comments/{id}",
            "POST /api/v1/articles/{slug}/comments",
            "POST /api/v1/comments/{id}/appeal",
            "POST /api/v1/comments/{id}/feature",
            "POST /api/v1/comments/{id}/flags",
            "POST /api/v1/images",
            "POST /api/v1/me/notifications/read",
            "POST /api/v1/moderation/comments/{id}/decision",
            "POST /api/v1/moderation/decisions",
            "POST /api/v1/moderation/users/{userId}/ban",
            "POST /api/v1/newsroom/stories",
            "POST /api/v1/newsroom/stories/{id}/moves/{move}",
            "PUT /api/v1/comments/{id}/vote",
            "PUT /api/v1/me/subscriptions/{slug}",
            "PUT /api/v1/newsroom/stories/{id}",
        ], operations);
        var post = paths.GetProperty("/api/v1/articles/{slug}/comments").GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/healthz", StringComparison.Ordinal) || p.Name == "/robots.txt");
    }
}
