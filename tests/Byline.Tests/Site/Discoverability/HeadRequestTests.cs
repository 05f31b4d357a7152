using System.Net;
using Byline.Tests.Infrastructure;
using static Byline.Tests.Site.Discoverability.DiscoveryKit;

namespace Byline.Tests.Site.Discoverability;

/// <summary>
/// Crawlers, feed readers and link checkers ask HEAD before GET: every URL made for them answers HEAD with GET's
/// status and headers. (Kestrel drops a HEAD response's body; the test server does not, so it is not checked here.)
/// </summary>
public sealed class HeadRequestTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Fact]
    public async Task CrawlerUrlsAnswerHeadLikeGet()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("headed");
        await factory.AddStoryAsync(slug, tags: ["headed"]);
        var key = await factory.UploadImageAsync(1200, 800);
        await factory.SetLeadImageAsync(slug, key);
        var client = factory.CreateClient();

        foreach (var url in new[]
        {
            "/robots.txt", "/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/news.xml", "/sitemaps/stories-1.xml",
            $"/oembed?url={Uri.EscapeDataString($"{Origin}/world/{slug}")}&format=json",
            "/feeds/rss.xml", "/feeds/tags/headed/atom.xml", $"/media/{key}/crop/16x9.jpg", $"/media/{key}/640.jpg",
            $"/world/{slug}", "/",
        })
        {
            using var get = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {url}: {(int)head.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        }
        // A missing page is as missing to HEAD.
        using var missing = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/sitemaps/stories-99.xml"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
