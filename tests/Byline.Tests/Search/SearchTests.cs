using System.Net;
using System.Net.Http.Json;
using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;
using Byline.Tests.Moderation;
using Byline.Web.Search;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Search;

/// <summary>
/// Site search on both engines: the same documents found for the same queries in every script, sensible ranking,
/// filters and pages, and nothing shown that readers may not see.
/// </summary>
public sealed class SearchTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AChineseCommentIsFoundByAWordInsideALongerSentence(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var reader = factory.CreateClient();
        var marker = ModerationKit.Marker("zh");
        var comment = await reader.PostCreatedAsync(slug, $"我们村的农场今年收成很好，大家都很高兴，希望明年也一样。{marker}", authorName: "李华");
        await factory.IndexAsync();

        var hits = await reader.SearchAsync($"{SearchKit.Q("农场 " + marker)}&type=comments");
        var hit = Assert.Single(hits);
        Assert.Equal(comment.Id(), hit.CommentId());
        Assert.Equal("comment", hit.GetProperty("type").GetString());
        Assert.EndsWith($"/comments/{comment.Id()}", hit.Url(), StringComparison.Ordinal);
        Assert.Equal("李华", hit.GetProperty("author").GetString());
        Assert.Contains("农场", hit.Marked());

        Assert.Single(await reader.SearchAsync(SearchKit.Q("收成 " + marker)));
        Assert.Single(await reader.SearchAsync(SearchKit.Q("村 " + marker)));
        // The same characters in another order are another word.
        Assert.Empty(await reader.SearchAsync(SearchKit.Q("场农 " + marker)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WordsAreFoundWithAndWithoutAccentsMarksAndCase(string provider)
    {
        var factory = apps[provider];
        var marker = ModerationKit.Marker("fold");
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug, body: $"""
            Ministers met in Zürich at a café near the station. {marker}

            ذهب الطلاب إلى المَدْرَسَةِ صباحاً وقال أحمد إن القرار نهائي.

            来年は東京で会議が開かれる予定です。
            """);
        await factory.IndexAsync();
        var reader = factory.CreateClient();
        foreach (var query in new[] { "zurich", "ZÜRICH", "cafe", "Café", "المدرسة", "المَدْرَسَة", "احمد", "أحمد", "東京", "会議" })
        {
            var hit = Assert.Single(await reader.SearchAsync($"{SearchKit.Q($"{query} {marker}")}&type=stories"));
            Assert.EndsWith($"/{slug}", hit.Url(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AHeadlineMatchRanksAboveABodyMatchAndEnglishIsStemmed(string provider)
    {
        var factory = apps[provider];
        var word = "quillback" + Guid.NewGuid().ToString("N")[..6];
        var inBody = Unique.Slug();
        var inHeadline = Unique.Slug();
        await factory.AddStoryAsync(inBody, headline: "Council reviews ferry timetable",
            body: $"A long story about ferries.\n\nSomewhere in the middle it mentions the {word} harvests once.\n");
        await factory.AddStoryAsync(inHeadline, headline: $"The {word} harvesting season opens early", body: "Fishers were ready.\n");
        await factory.IndexAsync();

        var hits = await factory.CreateClient().SearchAsync($"{SearchKit.Q(word + " harvest")}&type=stories");
        Assert.Equal([$"/world/{inHeadline}", $"/world/{inBody}"], hits.Select(h => new Uri(h.Url()).AbsolutePath));
        Assert.Contains("harvests", hits[1].Marked());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task NothingReadersCannotSeeIsEverFound(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        var story = await factory.AddStoryAsync(slug, body: $"Body of the story.\n");
        var reader = factory.CreateClient();
        var marker = ModerationKit.Marker("vis");
        var shown = await reader.PostCreatedAsync(slug, ModerationKit.Innocent(marker));
        var held = await reader.PostCreatedAsync(slug, ModerationKit.Held(marker));
        Assert.Equal("pending", held.Status());
        await factory.IndexAsync();
        Assert.Equal([shown.Id()], (await reader.SearchAsync(SearchKit.Q(marker))).Select(h => h.CommentId()));

        using var moderator = factory.ClientFor(await factory.CreateUserAsync(Roles.Moderator));
        await moderator.DecideOkAsync(held.Id(), "approve");
        await factory.IndexAsync();
        Assert.Equal(2, (await reader.SearchAsync(SearchKit.Q(marker))).Count);

        // Hidden at once, before the index has caught up: results are checked against the comments themselves.
        await moderator.DecideOkAsync(shown.Id(), "reject");
        Assert.Equal([held.Id()], (await reader.SearchAsync(SearchKit.Q(marker))).Select(h => h.CommentId()));
        await factory.IndexAsync();
        await using (var db = factory.CreateDbContext())
        {
            Assert.False(await db.SearchDocuments.AnyAsync(d => d.CommentId == shown.Id()));
        }

        // An unpublished story takes its comments out of search with it, and brings them back when republished.
        using var editor = factory.ClientFor(await factory.CreateUserAsync(Roles.Editor));
        var unpublished = await editor.PostAsJsonAsync($"/api/v1/newsroom/stories/{story.Article.Id}/moves/unpublish", new { reason = "Checking a fact." });
        Assert.Equal(HttpStatusCode.OK, unpublished.StatusCode);
        Assert.Empty(await reader.SearchAsync(SearchKit.Q(marker)));
        await factory.IndexAsync();
        Assert.Empty(await reader.SearchAsync(SearchKit.Q(marker)));
        await using (var db = factory.CreateDbContext())
        {
            Assert.False(await db.SearchDocuments.AnyAsync(d => d.ArticleId == story.Article.Id));
        }
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/newsroom/stories/{story.Article.Id}/moves/publish", null)).StatusCode);
        await factory.IndexAsync();
        Assert.Equal([held.Id()], (await reader.SearchAsync(SearchKit.Q(marker))).Select(h => h.CommentId()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FiltersNarrowAndPagesDoNotRepeat(string provider)
    {
        var factory = apps[provider];
        var marker = ModerationKit.Marker("page");
        var world = Unique.Slug();
        var science = Unique.Slug();
        await factory.AddStoryAsync(world, section: "world", body: $"Harbour news {marker}.\n", writers: ["Ingrid Halvorsen"],
            published: new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero));
        await factory.AddStoryAsync(science, section: "science", body: $"Reef news {marker}.\n", writers: ["Priya Ramanathan"],
            published: new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        var reader = factory.CreateClient();
        for (var i = 0; i < 23; i++)
        {
            await reader.PostCreatedAsync(world, $"Comment number {i} on the harbour, {marker}.");
        }
        await factory.IndexAsync();
        var q = SearchKit.Q(marker);

        Assert.Equal(2, (await reader.SearchAsync($"{q}&type=stories")).Count);
        Assert.Equal([$"/science/{science}"], (await reader.SearchAsync($"{q}&type=stories&section=science")).Select(h => new Uri(h.Url()).AbsolutePath));
        Assert.Equal([$"/world/{world}"], (await reader.SearchAsync($"{q}&type=stories&writer=ingrid-halvorsen")).Select(h => new Uri(h.Url()).AbsolutePath));
        Assert.Equal([$"/science/{science}"], (await reader.SearchAsync($"{q}&type=stories&from=2026-10-15&to=2026-11-01")).Select(h => new Uri(h.Url()).AbsolutePath));
        Assert.Empty(await reader.SearchAsync($"{q}&type=comments&section=science"));

        var first = await (await reader.GetAsync($"/api/v1/search?{q}&type=comments&sort=newest")).ReadJsonAsync();
        var firstIds = first.GetProperty("results").EnumerateArray().Select(h => h.CommentId()!.Value).ToList();
        Assert.Equal(SiteSearch.PageSize, firstIds.Count);
        Assert.Equal(firstIds.OrderDescending(), firstIds);
        var next = first.GetProperty("next").GetString()!;
        var second = await (await reader.GetAsync(new Uri(next).PathAndQuery)).ReadJsonAsync();
        var secondIds = second.GetProperty("results").EnumerateArray().Select(h => h.CommentId()!.Value).ToList();
        Assert.Equal(3, secondIds.Count);
        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task NewestAndDateRangesFollowTheDatesWhateverTheOrderOfIndexing(string provider)
    {
        var factory = apps[provider];
        var marker = ModerationKit.Marker("dated");
        // Indexed in this order, dated in another; the second is published at the very start of its day.
        var dates = new[]
        {
            new DateTimeOffset(2026, 11, 3, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 9, 30, 23, 59, 0, TimeSpan.Zero),
        };
        var slugs = new List<string>();
        foreach (var date in dates)
        {
            var slug = Unique.Slug("dated");
            await factory.AddStoryAsync(slug, body: $"Tide tables {marker}.\n", published: date);
            slugs.Add(slug);
        }
        await factory.IndexAsync();
        var reader = factory.CreateClient();
        async Task<List<string>> FoundAsync(string query) =>
            [.. (await reader.SearchAsync($"{SearchKit.Q(marker)}&{query}")).Select(h => new Uri(h.Url()).AbsolutePath.Split('/')[^1])];

        Assert.Equal([slugs[2], slugs[0], slugs[1], slugs[3]], await FoundAsync("sort=newest"));
        Assert.Equal([slugs[0], slugs[1]], await FoundAsync("sort=newest&from=2026-10-01&to=2026-11-19"));
        Assert.Equal([slugs[3]], await FoundAsync("to=2026-09-30"));

        // Published again later: it moves to the top, and is still found once.
        await using (var db = factory.CreateDbContext())
        {
            var story = await db.Articles.SingleAsync(a => a.Slug == slugs[3]);
            story.PublishedAt = new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero);
            SearchIndex.StoryChanged(db, story.Id, factory.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }
        await factory.IndexAsync();
        Assert.Equal([slugs[3], slugs[2], slugs[0], slugs[1]], await FoundAsync("sort=newest"));
        Assert.Equal([slugs[3]], await FoundAsync("from=2026-11-25"));
        Assert.Empty(await FoundAsync("to=2026-09-30"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadParametersAreAnsweredWith400AndHostileQueriesAreJustWords(string provider)
    {
        var factory = apps[provider];
        var reader = factory.CreateClient();
        foreach (var (query, field) in new[]
        {
            ("q=", "q"), ("q=%20%20", "q"), ($"q={new string('x', 201)}", "q"), ("q=the%20of", "q"), ("q=levy&type=videos", "type"),
            ("q=levy&page=0", "page"), ("q=levy&page=abc", "page"), ("q=levy&page=51", "page"), ("q=levy&sort=oldest", "sort"),
            ("q=levy&from=2026-13-01", "from"), ("q=levy&from=2026-11-02&to=2026-11-01", "to"), ("q=levy&section=no-such-section", "section"),
            ("q=levy&writer=nobody-here", "writer"),
        })
        {
            var problem = await Http.AssertProblemAsync(await reader.GetAsync($"/api/v1/search?{query}"), HttpStatusCode.BadRequest, "invalid-search");
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }
        foreach (var hostile in new[] { "\"", "NEAR(levy", "levy AND OR NOT", "*", "'; DROP TABLE \"Articles\"; --", "a:b & c | !d", "{Title}: x", "^levy", "农场\u0000", "\uD800" })
        {
            await reader.SearchAsync(SearchKit.Q(hostile + " levy"));
        }
        var page = await reader.GetAsync("/search?q=levy&type=videos");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("all, stories or comments", (await Http.ParseAsync(page)).QuerySelector("#search-error")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSearchPageShowsResultsWithTheMatchesMarked()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug();
        var marker = ModerationKit.Marker("page");
        await factory.AddStoryAsync(slug, headline: $"Ferry <b>timetable</b> {marker}", body: $"The ferry timetable changes in spring. {marker}\n");
        await factory.IndexAsync();
        var reader = factory.CreateClient();

        Assert.Null((await reader.GetPageAsync("/search")).QuerySelector(".search-results"));
        var page = await reader.GetPageAsync($"/search?{SearchKit.Q("timetable " + marker)}");
        var hit = Assert.Single(page.QuerySelectorAll(".search-hit"));
        var link = hit.QuerySelector(".search-hit-headline a")!;
        Assert.Equal($"/world/{slug}", link.GetAttribute("href"));
        Assert.Contains("<b>timetable</b>", link.TextContent, StringComparison.Ordinal);
        Assert.Null(hit.QuerySelector("b"));
        Assert.Equal(["timetable", marker], hit.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Equal("levy", (await reader.GetPageAsync("/search?q=levy")).QuerySelector("#search-q")!.GetAttribute("value"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ARebuildIndexesEveryPublishedStoryAndApprovedComment(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        var marker = ModerationKit.Marker("rebuild");
        await factory.AddStoryAsync(slug, body: $"Rebuilt {marker}.\n");
        var comment = await factory.CreateClient().PostCreatedAsync(slug, ModerationKit.Innocent(marker));
        await factory.IndexAsync();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Byline.Data.BylineDbContext>();
        var before = await db.SearchDocuments.CountAsync();
        var after = await SearchRebuild.RunAsync(db, scope.ServiceProvider.GetRequiredService<WriteGate>(), null, CancellationToken.None);
        Assert.Equal(before, after);
        var hits = await factory.CreateClient().SearchAsync(SearchKit.Q(marker));
        Assert.Equal(2, hits.Count);
        Assert.Contains(hits, h => h.CommentId() == comment.Id());
    }
}
