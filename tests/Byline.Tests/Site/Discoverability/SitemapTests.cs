using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Byline.Web.Site.Discoverability;
using Byline.Web.Site.Discoverability.Sitemaps;
using Microsoft.EntityFrameworkCore;
using static Byline.Tests.Site.Discoverability.DiscoveryKit;
using static Byline.Tests.Site.Discoverability.SitemapSchemas;

namespace Byline.Tests.Site.Discoverability;

/// <summary>
/// robots.txt, the sitemap index and its sitemaps, validated against the tests' schemas. The grouped queries differ by
/// engine, so the sitemaps are tested on both.
/// </summary>
public sealed class SitemapTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static async Task<XDocument> GetValidAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return Valid(await response.Content.ReadAsStringAsync());
    }

    /// <summary>loc → lastmod (null when absent) of every entry.</summary>
    private static Dictionary<string, string?> Entries(XDocument document) =>
        document.Root!.Elements().ToDictionary(e => e.Element(Sitemap + "loc")!.Value, e => e.Element(Sitemap + "lastmod")?.Value);

    private static async Task<DateTimeOffset> LastChangeAsync(BylineFactory factory, string slug)
    {
        await using var db = factory.CreateDbContext();
        var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Slug == slug);
        return article.UpdatedAt ?? article.PublishedAt!.Value;
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task IndexListsThePagesTheNewsAndEveryPageOfStoriesWithTheirLastChange(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("indexed");
        await factory.AddStoryAsync(slug, updated: new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.Zero));

        var index = Entries(await GetValidAsync(factory.CreateClient(), "/sitemap.xml"));

        DateTimeOffset newest;
        await using (var db = factory.CreateDbContext())
        {
            newest = (await db.Articles.Where(a => a.State == ArticleState.Published).Select(a => a.UpdatedAt ?? a.PublishedAt).ToListAsync()).Max()!.Value;
        }
        Assert.Equal(
            [$"{Origin}/sitemaps/pages.xml", $"{Origin}/sitemaps/news.xml", $"{Origin}/sitemaps/stories-1.xml"],
            index.Keys.ToList());
        Assert.Equal(SitemapXml.Date(newest), index[$"{Origin}/sitemaps/stories-1.xml"]);
        Assert.Equal(SitemapXml.Date(newest), index[$"{Origin}/sitemaps/pages.xml"]);
        Assert.Null(index[$"{Origin}/sitemaps/news.xml"]);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task StoriesSitemapListsPublishedStoriesOnlyWithTheirLastChange(string provider)
    {
        var factory = apps[provider];
        var published = Unique.Slug("listed");
        var updated = Unique.Slug("listed-updated");
        var withdrawn = Unique.Slug("withdrawn");
        await factory.AddStoryAsync(published, published: new DateTimeOffset(2026, 11, 2, 8, 15, 0, TimeSpan.Zero));
        await factory.AddStoryAsync(updated, published: new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), updated: new DateTimeOffset(2026, 11, 3, 9, 45, 30, TimeSpan.Zero));
        await factory.AddStoryAsync(withdrawn);
        await factory.ChangeStoryAsync(withdrawn, (_, article) =>
        {
            article.State = ArticleState.Unpublished;
            return Task.CompletedTask;
        });
        using var client = factory.CreateClient();

        var stories = Entries(await GetValidAsync(client, "/sitemaps/stories-1.xml"));

        Assert.Equal("2026-11-02T08:15:00+00:00", stories[$"{Origin}/world/{published}"]);
        Assert.Equal("2026-11-03T09:45:30+00:00", stories[$"{Origin}/world/{updated}"]);
        Assert.DoesNotContain($"{Origin}/world/{withdrawn}", stories.Keys);
        Assert.All(stories.Values, Assert.NotNull);
        foreach (var missing in new[] { "/sitemaps/stories-2.xml", "/sitemaps/stories-0.xml", "/sitemaps/stories-999999999.xml" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(missing)).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PagesSitemapListsTheFrontSectionsWritersAndTagsWithTheirNewestStory(string provider)
    {
        var factory = apps[provider];
        var section = "Ports " + Unique.Suffix();
        var sectionSlug = Byline.Web.Articles.Slugs.From(section);
        var writer = "Mina Sato " + Unique.Suffix();
        var writerSlug = Byline.Web.Articles.Slugs.From(writer);
        var older = Unique.Slug("older");
        var newer = Unique.Slug("newer");
        var tag = "Ports & Harbours " + Unique.Suffix();
        await factory.AddStoryAsync(older, section: section, writers: [writer], published: new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        await factory.AddStoryAsync(newer, section: section, writers: [writer, "Ingrid Halvorsen"], published: new DateTimeOffset(2026, 10, 5, 6, 0, 0, TimeSpan.Zero));
        await factory.ChangeStoryAsync(older, (_, article) =>
        {
            article.Tags = [tag, "港口"];
            return Task.CompletedTask;
        });

        var pages = Entries(await GetValidAsync(factory.CreateClient(), "/sitemaps/pages.xml"));

        Assert.Equal($"{Origin}/", pages.Keys.First());
        Assert.Contains($"{Origin}/corrections", pages.Keys);
        Assert.Equal("2026-10-05T06:00:00+00:00", pages[$"{Origin}/{sectionSlug}"]);
        Assert.Equal("2026-10-05T06:00:00+00:00", pages[$"{Origin}/writers/{writerSlug}"]);
        Assert.Equal("2026-10-01T00:00:00+00:00", pages[$"{Origin}/tags/{Uri.EscapeDataString(tag)}"]);
        Assert.Contains($"{Origin}/tags/%E6%B8%AF%E5%8F%A3", pages.Keys);
        Assert.Contains($"{Origin}/writers/ingrid-halvorsen", pages.Keys);
        Assert.Equal(SitemapXml.Date(pages.Values.Where(v => v is not null).Select(v => DateTimeOffset.Parse(v!, System.Globalization.CultureInfo.InvariantCulture)).Max()),
            pages[$"{Origin}/"]);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task NewsSitemapListsTheStoriesOfTheLast48HoursNewestFirst(string provider)
    {
        var factory = apps[provider];
        var now = factory.Time.GetUtcNow();
        var fresh = Unique.Slug("fresh");
        var dayOld = Unique.Slug("day-old");
        var stale = Unique.Slug("stale");
        var draft = Unique.Slug("draft");
        await factory.AddStoryAsync(fresh, language: "en-GB", headline: "Levy & fund agreed", published: now.AddHours(-1));
        await factory.AddStoryAsync(dayOld, language: "zh-Hant", headline: "港口徵費達成協議", published: now.AddHours(-47));
        await factory.AddStoryAsync(stale, published: now.AddHours(-49));
        await factory.AddStoryAsync(draft, published: now.AddHours(-2));
        await factory.ChangeStoryAsync(draft, (_, article) =>
        {
            article.State = ArticleState.Draft;
            return Task.CompletedTask;
        });

        var news = await GetValidAsync(factory.CreateClient(), "/sitemaps/news.xml");

        var urls = news.Root!.Elements(Sitemap + "url").ToList();
        Assert.InRange(urls.Count, 2, NewsSitemap.MaxEntries);
        var locations = urls.Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        Assert.True(locations.IndexOf($"{Origin}/world/{fresh}") < locations.IndexOf($"{Origin}/world/{dayOld}"));
        Assert.DoesNotContain($"{Origin}/world/{stale}", locations);
        Assert.DoesNotContain($"{Origin}/world/{draft}", locations);

        var first = urls.Single(u => u.Element(Sitemap + "loc")!.Value == $"{Origin}/world/{fresh}").Element(News + "news")!;
        Assert.Equal("Byline", first.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Equal("en", first.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal(SitemapXml.Date(now.AddHours(-1)), first.Element(News + "publication_date")!.Value);
        Assert.Equal("Levy & fund agreed", first.Element(News + "title")!.Value);
        var chinese = urls.Single(u => u.Element(Sitemap + "loc")!.Value == $"{Origin}/world/{dayOld}").Element(News + "news")!;
        Assert.Equal("zh-tw", chinese.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal("港口徵費達成協議", chinese.Element(News + "title")!.Value);
        // No lastmod: a news entry's date is its publication.
        Assert.All(urls, u => Assert.Null(u.Element(Sitemap + "lastmod")));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task NewsSelectionKeepsOnlyTheNewestUpToItsCap(string provider)
    {
        var factory = apps[provider];
        // A moment of its own, weeks ahead of the app's clock, so no other test's stories fall in its window.
        var now = factory.Time.GetUtcNow().AddDays(40);
        var slugs = new List<string>();
        for (var hours = 1; hours <= 3; hours++)
        {
            var slug = Unique.Slug($"capped-{hours}");
            await factory.AddStoryAsync(slug, published: now.AddHours(-hours));
            slugs.Add(slug);
        }
        await using var db = factory.CreateDbContext();

        var capped = await NewsSitemap.Select(db.Articles.AsNoTracking(), now, max: 2).ToListAsync();
        var all = await NewsSitemap.Select(db.Articles.AsNoTracking(), now).ToListAsync();

        Assert.Equal(slugs.Take(2), capped.Select(e => e.Slug));
        Assert.Equal(slugs, all.Select(e => e.Slug));
        Assert.Equal(1_000, NewsSitemap.MaxEntries);
        Assert.Equal(TimeSpan.FromHours(48), NewsSitemap.Window);
    }

    [Fact]
    public async Task PagesSitemapTakesTheSameFewQueriesHoweverManyStoriesThereAre()
    {
        var factory = apps[Databases.Sqlite];
        using var client = factory.CreateClient();
        await client.GetAsync("/sitemaps/pages.xml");
        var before = await factory.Sql.CountDuringAsync(() => client.GetAsync("/sitemaps/pages.xml"));
        for (var i = 0; i < 5; i++)
        {
            await factory.AddStoryAsync(Unique.Slug("many"), section: "Many " + Unique.Suffix(), writers: ["Writer " + Unique.Suffix()]);
        }

        var after = await factory.Sql.CountDuringAsync(() => client.GetAsync("/sitemaps/pages.xml"));

        Assert.Equal(before, after);
        Assert.InRange(after, 3, 5);
    }

    [Fact]
    public async Task ACrawlerThatHasTheSitemapGetsNotModified()
    {
        var factory = apps[Databases.Sqlite];
        using var client = factory.CreateClient();
        var first = await client.GetAsync("/sitemaps/pages.xml");
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);

        var again = new HttpRequestMessage(HttpMethod.Get, "/sitemaps/pages.xml");
        again.Headers.IfNoneMatch.Add(tag);
        var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        await factory.AddStoryAsync(Unique.Slug("changes-it"), section: "Changed " + Unique.Suffix());
        var changed = new HttpRequestMessage(HttpMethod.Get, "/sitemaps/pages.xml");
        changed.Headers.IfNoneMatch.Add(tag);
        var response = await client.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(tag, response.Headers.ETag);
    }

    [Fact]
    public async Task RobotsTxtClosesThePrivateAreasAndNamesTheSitemaps()
    {
        var response = await apps[Databases.Sqlite].CreateClient().GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Equal("User-agent: *", lines[0]);
        foreach (var area in new[] { "/account", "/newsroom", "/moderation", "/admin", "/api" })
        {
            Assert.Contains($"Disallow: {area}$", lines);
            Assert.Contains($"Disallow: {area}/", lines);
        }
        Assert.Contains("Allow: /", lines);
        Assert.Contains($"Sitemap: {Origin}/sitemap.xml", lines);
        Assert.Contains($"Sitemap: {Origin}/sitemaps/news.xml", lines);
        Assert.True(PrivateAreas.Contains("/account/sign-in"));
        Assert.False(PrivateAreas.Contains("/accounting"));
        Assert.False(PrivateAreas.Contains("/accounting/a-story"));
    }

    [Theory]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("ja", "ja")]
    [InlineData("ar-EG", "ar")]
    [InlineData("zh", "zh-cn")]
    [InlineData("zh-Hans", "zh-cn")]
    [InlineData("zh-CN", "zh-cn")]
    [InlineData("zh-Hant", "zh-tw")]
    [InlineData("zh-Hant-HK", "zh-tw")]
    [InlineData("zh-TW", "zh-tw")]
    public void NewsLanguageIsTheIso639CodeOrGooglesChineseForms(string language, string expected) =>
        Assert.Equal(expected, NewsLanguage.Of(language));

    [Theory]
    [InlineData("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><lastmod>2026-11-27</lastmod></url></urlset>")]
    [InlineData("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>/world/relative</loc></url></urlset>")]
    [InlineData("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>https://a.example/x</loc><lastmod>27 Nov 2026</lastmod></url></urlset>")]
    [InlineData("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>https://a.example/x</loc><lastmod>2026-11-27T12:00:00</lastmod></url></urlset>")]
    [InlineData("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>https://a.example/x</loc></url><url><loc>https://a.example/x</loc></url></urlset>")]
    [InlineData("<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'></sitemapindex>")]
    [InlineData("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'><url><loc>https://a.example/x</loc><news:news><news:publication><news:name>Byline</news:name></news:publication><news:publication_date>2026-11-27</news:publication_date><news:title>T</news:title></news:news></url></urlset>")]
    [InlineData("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'><url><loc>https://a.example/x</loc><news:news><news:publication><news:name>Byline</news:name><news:language>en-GB</news:language></news:publication><news:publication_date>2026-11-27</news:publication_date><news:title>T</news:title></news:news></url></urlset>")]
    [InlineData("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'><url><loc>https://a.example/x</loc><news:news><news:publication><news:name>Byline</news:name><news:language>en</news:language></news:publication><news:publication_date>2026-11-27T12:00</news:publication_date><news:title> </news:title></news:news></url></urlset>")]
    [InlineData("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>https://a.example/x</loc><unknown xmlns='urn:x'/></url></urlset>")]
    public void TheTestSchemasRejectWhatTheFormatsForbid(string xml) =>
        Assert.NotEmpty(Problems(xml));
}
