using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Text.Json;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Byline.Web.Articles;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Feeds;

/// <summary>
/// RSS, Atom and JSON Feed for the site and each section, writer and tag: what they carry, what they leave out, and
/// how they answer conditional requests. RSS and Atom are read back with .NET's SyndicationFeed.
/// </summary>
public sealed class FeedTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private const string Site = "http://localhost";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryScopeInEveryFormatParsesAndListsItsStoriesNewestFirst(string provider)
    {
        var factory = apps[provider];
        var u = Unique.Suffix();
        var section = $"Feeds {u}";
        var writer = $"Feed Writer {u}";
        var tag = $"气候 {u}";
        var now = factory.Time.GetUtcNow();
        await factory.AddStoryAsync(Unique.Slug("older"), section: section, writers: [writer], tags: [tag], headline: $"Older {u}", published: now.AddHours(-3));
        await factory.AddStoryAsync(Unique.Slug("elsewhere"), writers: ["Someone Else"], headline: $"Elsewhere {u}", published: now.AddHours(-2));
        await factory.AddStoryAsync(Unique.Slug("newer"), section: section, writers: [writer], tags: [tag, "other"], headline: $"Newer {u}", published: now.AddHours(-1));
        var client = factory.CreateClient();
        var scopes = new (string Prefix, string Name, string[] Titles)[]
        {
            ("/feeds", "", [$"Newer {u}", $"Elsewhere {u}", $"Older {u}"]),
            ($"/feeds/sections/{Slugs.From(section)}", section, [$"Newer {u}", $"Older {u}"]),
            ($"/feeds/writers/{Slugs.From(writer)}", writer, [$"Newer {u}", $"Older {u}"]),
            ($"/feeds/tags/{Uri.EscapeDataString(tag)}", tag, [$"Newer {u}", $"Older {u}"]),
        };

        foreach (var (prefix, name, titles) in scopes)
        {
            foreach (var url in FeedKit.Formats(prefix))
            {
                if (url.EndsWith(".json", StringComparison.Ordinal))
                {
                    var json = await client.GetJsonFeedAsync(url);
                    Assert.Equal(titles, FeedKit.Titles(json).Where(t => t.EndsWith(u, StringComparison.Ordinal)));
                    Assert.Contains(name, json.GetProperty("title").GetString(), StringComparison.Ordinal);
                    Assert.Equal("News and reader discussion.", json.GetProperty("description").GetString());
                    continue;
                }
                var feed = await client.GetSyndicationAsync(url);
                Assert.Equal(titles, FeedKit.Titles(feed).Where(t => t.EndsWith(u, StringComparison.Ordinal)));
                Assert.StartsWith("Byline", feed.Title.Text, StringComparison.Ordinal);
                Assert.Contains(name, feed.Title.Text, StringComparison.Ordinal);
                Assert.Equal("News and reader discussion.", feed.Description.Text);
                Assert.Equal("en", feed.Language ?? feed.AttributeExtensions.FirstOrDefault(a => a.Key.Name == "lang").Value);
                Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.AbsoluteUri == Site + url);
                Assert.Contains(feed.Links, l => l.RelationshipType == "alternate");
                Assert.All(feed.Items, item => Assert.True(item.Links.Single(l => l.RelationshipType == "alternate").Uri.IsAbsoluteUri));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EntriesCarryBylinesCategoriesTimesWithOffsetsCorrectionsAndAbsoluteLinks(string provider)
    {
        var factory = apps[provider];
        var u = Unique.Suffix();
        var section = $"Entries {u}";
        var slug = Unique.Slug("entry");
        var headline = $"Entry {u}";
        var id = (await factory.AddStoryAsync(
            slug, section: section, writers: ["Ingrid Halvorsen", $"Tomás Ruiz {u}"], tags: ["shipping", "climate"], headline: headline,
            body: "See [the other story](/world/elsewhere) and [the notes](#notes).\n\n![A chart](/media/abc123/640.webp)\n")).Article.Id;
        factory.Time.Advance(TimeSpan.FromHours(1));
        await factory.AddCorrectionAsync(id, CorrectionKind.Correction, "An earlier version gave the levy as twelve euros.");
        var corrected = factory.Time.GetUtcNow();
        await factory.UpdateSiteSettingsAsync(s => s.TimeZone = "Europe/Oslo");
        try
        {
            var client = factory.CreateClient();
            var prefix = $"/feeds/sections/{Slugs.From(section)}";
            var storyUrl = $"{Site}/{Slugs.From(section)}/{slug}";
            var published = new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.FromHours(1));
            // Oslo is an hour ahead of UTC in November.
            var updated = corrected.ToOffset(TimeSpan.FromHours(1));
            string[] bylines = ["Ingrid Halvorsen", $"Tomás Ruiz {u}"];
            string[] writerPages = [$"{Site}/writers/ingrid-halvorsen", $"{Site}/writers/{Slugs.From($"Tomás Ruiz {u}")}"];

            void AssertHtml(string html)
            {
                Assert.Contains("Corrected Nov. 27, 2026:</strong> An earlier version gave the levy as twelve euros.", html, StringComparison.Ordinal);
                Assert.True(html.IndexOf("Corrected", StringComparison.Ordinal) < html.IndexOf("See ", StringComparison.Ordinal), "Corrections come before the story.");
                Assert.Contains($"href=\"{Site}/world/elsewhere\"", html, StringComparison.Ordinal);
                Assert.Contains($"href=\"{storyUrl}#notes\"", html, StringComparison.Ordinal);
                Assert.Contains($"src=\"{Site}/media/abc123/640.webp\"", html, StringComparison.Ordinal);
            }

            var atom = FeedKit.Item(await client.GetSyndicationAsync($"{prefix}/atom.xml"), headline);
            Assert.Equal(bylines, atom.Authors.Select(a => a.Name));
            Assert.Equal(writerPages, atom.Authors.Select(a => a.Uri));
            Assert.Equal([section, "shipping", "climate"], atom.Categories.Select(c => c.Name));
            Assert.Equal((published, published.Offset), (atom.PublishDate, atom.PublishDate.Offset));
            Assert.Equal((updated, updated.Offset), (atom.LastUpdatedTime, atom.LastUpdatedTime.Offset));
            Assert.Equal(TestData.Standfirst, atom.Summary.Text);
            Assert.Equal(storyUrl, atom.Links.Single().Uri.AbsoluteUri);
            Assert.StartsWith("tag:localhost,2026-11-20:article:", atom.Id, StringComparison.Ordinal);
            AssertHtml(FeedKit.Html(atom));

            var rssFeed = await client.GetSyndicationAsync($"{prefix}/rss.xml");
            var rss = FeedKit.Item(rssFeed, headline);
            Assert.Equal(bylines, rss.ElementExtensions.ReadElementExtensions<string>("creator", FeedKit.DublinCore));
            Assert.Equal([section, "shipping", "climate"], rss.Categories.Select(c => c.Name));
            Assert.Equal((published, published.Offset), (rss.PublishDate, rss.PublishDate.Offset));
            Assert.Equal(updated, rss.LastUpdatedTime);
            Assert.Equal(atom.Id, rss.Id);
            Assert.Equal(TestData.Standfirst, rss.Summary.Text);
            AssertHtml(FeedKit.Html(rss));
            Assert.Equal(updated, rssFeed.LastUpdatedTime);

            var json = FeedKit.JsonItem(await client.GetJsonFeedAsync($"{prefix}/feed.json"), headline);
            Assert.Equal(bylines, json.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
            Assert.Equal(writerPages, json.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("url").GetString()));
            Assert.Equal([section, "shipping", "climate"], json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal("2026-11-20T10:30:00+01:00", json.GetProperty("date_published").GetString());
            Assert.Equal(updated, json.GetProperty("date_modified").GetDateTimeOffset());
            Assert.EndsWith("+01:00", json.GetProperty("date_modified").GetString(), StringComparison.Ordinal);
            Assert.Equal(atom.Id, json.GetProperty("id").GetString());
            Assert.Equal(storyUrl, json.GetProperty("url").GetString());
            Assert.Equal("en", json.GetProperty("language").GetString());
            AssertHtml(json.GetProperty("content_html").GetString()!);
        }
        finally
        {
            await factory.UpdateSiteSettingsAsync(s => s.TimeZone = "UTC");
        }
    }

    [Fact]
    public async Task SummarySettingCarriesTheStandfirstAndALinkInsteadOfTheStory()
    {
        var factory = apps[Databases.Sqlite];
        var u = Unique.Suffix();
        var section = $"Summaries {u}";
        var slug = Unique.Slug("summary");
        var headline = $"Summary {u}";
        var id = (await factory.AddStoryAsync(slug, section: section, headline: headline, body: $"The whole story {u} is here.\n")).Article.Id;
        await factory.AddCorrectionAsync(id, CorrectionKind.Update, "Updated with the final vote count.");
        var client = factory.CreateClient();
        var prefix = $"/feeds/sections/{Slugs.From(section)}";
        var storyUrl = $"{Site}/{Slugs.From(section)}/{slug}";

        Assert.Contains($"The whole story {u} is here.", FeedKit.Html(FeedKit.Item(await client.GetSyndicationAsync($"{prefix}/atom.xml"), headline)), StringComparison.Ordinal);
        var fullTag = (await client.GetAsync($"{prefix}/atom.xml")).Headers.ETag;

        await factory.UpdateSiteSettingsAsync(s => s.FeedFullContent = false);
        try
        {
            var html = new List<string>
            {
                FeedKit.Html(FeedKit.Item(await client.GetSyndicationAsync($"{prefix}/atom.xml"), headline)),
                FeedKit.Html(FeedKit.Item(await client.GetSyndicationAsync($"{prefix}/rss.xml"), headline)),
                FeedKit.JsonItem(await client.GetJsonFeedAsync($"{prefix}/feed.json"), headline).GetProperty("content_html").GetString()!,
            };
            Assert.All(html, content =>
            {
                Assert.DoesNotContain($"The whole story {u}", content, StringComparison.Ordinal);
                Assert.Contains(TestData.Standfirst, content, StringComparison.Ordinal);
                Assert.Contains("Updated Nov. 27, 2026:</strong> Updated with the final vote count.", content, StringComparison.Ordinal);
                Assert.Contains($"<a href=\"{storyUrl}\">Read the full story</a>", content, StringComparison.Ordinal);
            });
            Assert.NotEqual(fullTag, (await client.GetAsync($"{prefix}/atom.xml")).Headers.ETag);
        }
        finally
        {
            await factory.UpdateSiteSettingsAsync(s => s.FeedFullContent = true);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task StoriesReadersCannotSeeStayOutOfEveryFeed(string provider)
    {
        var factory = apps[provider];
        var u = Unique.Suffix();
        var section = $"Hidden {u}";
        var writer = $"Hidden Writer {u}";
        var hiddenTag = $"hidden-{u}";
        await factory.AddStoryAsync(Unique.Slug("public"), section: section, writers: [writer], headline: $"Public {u}", published: factory.Time.GetUtcNow().AddMinutes(-1));
        foreach (var state in new[] { ArticleState.Draft, ArticleState.InReview, ArticleState.Scheduled, ArticleState.Unpublished })
        {
            var slug = Unique.Slug(state.ToString().ToLowerInvariant());
            await factory.AddStoryAsync(slug, section: section, writers: [writer], tags: [hiddenTag], headline: $"{state} {u}", published: factory.Time.GetUtcNow());
            await using var db = factory.CreateDbContext();
            await db.Articles.Where(a => a.Slug == slug).ExecuteUpdateAsync(a => a.SetProperty(x => x.State, state).SetProperty(x => x.Version, x => x.Version + 1));
        }
        var client = factory.CreateClient();

        foreach (var prefix in new[] { "/feeds", $"/feeds/sections/{Slugs.From(section)}", $"/feeds/writers/{Slugs.From(writer)}" })
        {
            var titles = FeedKit.Titles(await client.GetSyndicationAsync($"{prefix}/rss.xml"))
                .Concat(FeedKit.Titles(await client.GetSyndicationAsync($"{prefix}/atom.xml")))
                .Concat(FeedKit.Titles(await client.GetJsonFeedAsync($"{prefix}/feed.json")))
                .Where(t => t.EndsWith(u, StringComparison.Ordinal))
                .ToList();
            Assert.Equal(Enumerable.Repeat($"Public {u}", 3), titles);
        }
        // A tag only hidden stories carry is not known to readers.
        await Http.AssertProblemAsync(await client.GetAsync($"/feeds/tags/{hiddenTag}/rss.xml"), HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ConditionalGetAnswers304ToEitherValidatorUntilTheFeedChanges(string provider)
    {
        var factory = apps[provider];
        var u = Unique.Suffix();
        var section = $"Conditional {u}";
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await factory.AddStoryAsync(Unique.Slug("conditional"), section: section, headline: $"Conditional {i} {u}",
                published: new DateTimeOffset(2026, 11, 10 + i, 8, 0, 0, TimeSpan.Zero))).Article.Id);
        }
        await factory.AddCorrectionAsync(ids[0], CorrectionKind.Clarification, "Clarified who chaired the meeting.");
        var client = factory.CreateClient();
        var url = $"/feeds/sections/{Slugs.From(section)}/atom.xml";
        // The site's settings and sections (the new one among them) are read every 30 seconds whatever is asked: read
        // now, they are not counted below.
        var store = factory.Services.GetRequiredService<SiteSettingsStore>();
        store.Invalidate();
        await store.GetAsync();

        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        var lastModified = first.Content.Headers.LastModified;
        Assert.Equal(factory.Time.GetUtcNow(), lastModified);
        Assert.True(first.Headers.CacheControl?.Public);
        Assert.NotEqual(etag, (await client.GetAsync($"/feeds/sections/{Slugs.From(section)}/rss.xml")).Headers.ETag);

        async Task<HttpResponseMessage> GetAsync(Action<HttpRequestHeaders> conditions)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            conditions(request.Headers);
            return await client.SendAsync(request);
        }

        HttpResponseMessage notModified = null!;
        var queries = await factory.Sql.CountDuringAsync(async () => notModified = await GetAsync(h => h.IfNoneMatch.Add(etag)));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Equal(1, queries);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(h => h.IfModifiedSince = lastModified)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\"")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(h => h.IfModifiedSince = lastModified!.Value.AddSeconds(-1))).StatusCode);

        // A new correction on one story: a new ETag, a later Last-Modified, and the feed again for both kinds of client.
        factory.Time.Advance(TimeSpan.FromMinutes(3));
        await factory.AddCorrectionAsync(ids[3], CorrectionKind.Correction, "Corrected the date of the vote.");
        await store.GetAsync();
        HttpResponseMessage changed = null!;
        var rendering = await factory.Sql.CountDuringAsync(async () => changed = await GetAsync(h => h.IfNoneMatch.Add(etag)));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Equal(factory.Time.GetUtcNow(), changed.Content.Headers.LastModified);
        Assert.Contains("Corrected the date of the vote.", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Six stories with bylines and corrections: their stamps, their content and their corrections, whatever their number.
        Assert.Equal(3, rendering);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(h => h.IfModifiedSince = lastModified)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(h => h.IfNoneMatch.Add(changed.Headers.ETag!))).StatusCode);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal((HttpStatusCode.OK, changed.Headers.ETag), (head.StatusCode, head.Headers.ETag));

        // The newest story unpublished: no story's time moves forward, yet a client that only sends If-Modified-Since
        // gets the feed without it.
        factory.Time.Advance(TimeSpan.FromMinutes(2));
        var before = changed.Content.Headers.LastModified;
        await using (var db = factory.CreateDbContext())
        {
            await db.Articles.Where(a => a.Id == ids[5]).ExecuteUpdateAsync(a => a.SetProperty(x => x.State, ArticleState.Unpublished).SetProperty(x => x.Version, x => x.Version + 1));
        }
        var afterUnpublish = await GetAsync(h => h.IfModifiedSince = before);
        Assert.Equal(HttpStatusCode.OK, afterUnpublish.StatusCode);
        Assert.DoesNotContain($"Conditional 5 {u}", await afterUnpublish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(factory.Time.GetUtcNow(), afterUnpublish.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(h => h.IfModifiedSince = afterUnpublish.Content.Headers.LastModified)).StatusCode);
    }

    [Fact]
    public async Task UnknownScopesAndFeedNamesAreNotFoundProblems()
    {
        var factory = apps[Databases.Sqlite];
        await factory.AddStoryAsync(Unique.Slug("present"), tags: ["present"]);
        var client = factory.CreateClient();

        foreach (var url in new[]
        {
            "/feeds/sections/no-such-section/rss.xml", "/feeds/writers/nobody-at-all/atom.xml", "/feeds/tags/never-used/feed.json",
            "/feeds/nothing.xml", "/feeds/sections/world/index.html", "/feeds/tags/present/feed.xml",
        })
        {
            await Http.AssertProblemAsync(await client.GetAsync(url), HttpStatusCode.NotFound, "not-found");
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/feeds/tags/present/feed.json")).StatusCode);
    }
}
