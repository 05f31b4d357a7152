using System.Net;
using AngleSharp.Dom;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Byline.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Site;

/// <summary>Tag pages, the tags a story links to, and the feeds every list of stories names for autodiscovery.</summary>
public sealed class TagPageTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static List<string?> StoryLinks(IDocument page) =>
        [.. page.QuerySelectorAll(".story-list .story-card-headline a").Select(a => a.GetAttribute("href"))];

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TagPageListsThePublishedStoriesWithTheTagNewestFirst(string provider)
    {
        var factory = apps[provider];
        var tag = $"urban heat {Unique.Suffix()}";
        var older = Unique.Slug("older");
        var newer = Unique.Slug("newer");
        var hidden = Unique.Slug("hidden");
        await factory.AddStoryAsync(older, tags: ["trees", tag], published: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await factory.AddStoryAsync(newer, section: "Science", tags: [tag], published: new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
        await factory.AddStoryAsync(Unique.Slug("untagged"), tags: ["trees"]);
        await factory.AddStoryAsync(hidden, tags: [tag], published: new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero));
        await using (var db = factory.CreateDbContext())
        {
            await db.Articles.Where(a => a.Slug == hidden).ExecuteUpdateAsync(a => a.SetProperty(x => x.State, ArticleState.Unpublished));
        }
        var client = factory.CreateClient();

        var page = await client.GetPageAsync(ArticlePaths.Tag(tag));

        Assert.Equal(tag, page.QuerySelector("h1")?.Text());
        Assert.Equal([$"/science/{newer}", $"/world/{older}"], StoryLinks(page));
        Assert.StartsWith($"{tag} – ", page.Title, StringComparison.Ordinal);

        var story = await client.GetPageAsync($"/world/{older}");
        var tagLinks = story.QuerySelectorAll("ul.tags[aria-label=Tags] li a").Select(a => (a.Text(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("trees", "/tags/trees"), (tag, ArticlePaths.Tag(tag))], tagLinks);
    }

    [Fact]
    public async Task TagNobodyPublishedUnderIsAFriendlyNotFoundPage()
    {
        var factory = apps[Databases.Sqlite];
        var response = await factory.CreateClient().GetAsync("/tags/no-story-has-this-tag");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await Http.ParseAsync(response)).QuerySelector("main h1")?.Text());
    }

    [Fact]
    public async Task ListsOfStoriesNameTheirFeedsAndTheSitesForAutodiscovery()
    {
        var factory = apps[Databases.Sqlite];
        var u = Unique.Suffix();
        var section = $"Discover {u}";
        var writer = $"Discover Writer {u}";
        var tag = $"discover-{u}";
        await factory.AddStoryAsync(Unique.Slug("discover"), section: section, writers: [writer], tags: [tag]);
        var client = factory.CreateClient();
        string[] formats = ["application/rss+xml rss.xml", "application/atom+xml atom.xml", "application/feed+json feed.json"];
        IEnumerable<string> Feeds(string prefix) => formats.Select(f => $"{f.Split(' ')[0]} {prefix}/{f.Split(' ')[1]}");
        var pages = new (string Page, string[] Expected)[]
        {
            ("/", [.. Feeds("/feeds")]),
            (ArticlePaths.Section(Slugs.From(section)), [.. Feeds($"/feeds/sections/{Slugs.From(section)}"), .. Feeds("/feeds")]),
            (ArticlePaths.Writer(Slugs.From(writer)), [.. Feeds($"/feeds/writers/{Slugs.From(writer)}"), .. Feeds("/feeds")]),
            (ArticlePaths.Tag(tag), [.. Feeds($"/feeds/tags/{tag}"), .. Feeds("/feeds")]),
        };

        foreach (var (path, expected) in pages)
        {
            var page = await client.GetPageAsync(path);
            var links = page.Head!.QuerySelectorAll("link[rel=alternate]").ToList();
            Assert.Equal(expected, links.Select(l => $"{l.GetAttribute("type")} {l.GetAttribute("href")}"));
            Assert.All(links, l => Assert.False(string.IsNullOrWhiteSpace(l.GetAttribute("title"))));
            foreach (var link in links)
            {
                var feed = await client.GetAsync(link.GetAttribute("href"));
                Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
                Assert.Equal(link.GetAttribute("type"), feed.Content.Headers.ContentType?.MediaType);
            }
        }
        Assert.Empty((await client.GetPageAsync("/corrections")).QuerySelectorAll("link[rel=alternate]"));
    }
}
