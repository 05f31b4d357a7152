using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Byline.Web.Site.Discoverability.OEmbed;
using static Byline.Tests.Site.Discoverability.DiscoveryKit;

namespace Byline.Tests.Site.Discoverability;

/// <summary>The oEmbed provider: what it answers for a story, in JSON and XML, and how it refuses everything else.</summary>
public sealed class OEmbedTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static string Ask(string url, string? format = "json", string? extra = null) =>
        $"/oembed?url={Uri.EscapeDataString(url)}" + (format is null ? "" : $"&format={format}") + (extra is null ? "" : "&" + extra);

    private async Task<(BylineFactory Factory, string Slug, string Key)> StoryWithImageAsync(string headline = "Levy <agreed> & signed")
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("embedded");
        await factory.AddStoryAsync(slug, headline: headline, writers: ["Ingrid Halvorsen", "Tomás Ruiz"]);
        var key = await factory.UploadImageAsync(1700, 1063);
        await factory.SetLeadImageAsync(slug, key);
        return (factory, slug, key);
    }

    [Fact]
    public async Task JsonAnswerIsARichCitationOfTheStory()
    {
        var (factory, slug, key) = await StoryWithImageAsync();
        var url = $"{Origin}/world/{slug}";

        var response = await factory.CreateClient().GetAsync(Ask(url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var json = await response.ReadJsonAsync();
        Assert.Equal("1.0", json.GetProperty("version").GetString());
        Assert.Equal("rich", json.GetProperty("type").GetString());
        Assert.Equal("Levy <agreed> & signed", json.GetProperty("title").GetString());
        Assert.Equal("Ingrid Halvorsen and Tomás Ruiz", json.GetProperty("author_name").GetString());
        Assert.Equal($"{Origin}/writers/ingrid-halvorsen", json.GetProperty("author_url").GetString());
        Assert.Equal("Byline", json.GetProperty("provider_name").GetString());
        Assert.Equal($"{Origin}/", json.GetProperty("provider_url").GetString());
        Assert.Equal(3600, json.GetProperty("cache_age").GetInt32());
        Assert.Equal((600, 200), (json.GetProperty("width").GetInt32(), json.GetProperty("height").GetInt32()));
        Assert.Equal($"{Origin}/media/{key}/640.jpg", json.GetProperty("thumbnail_url").GetString());
        Assert.Equal((640, 400), (json.GetProperty("thumbnail_width").GetInt32(), json.GetProperty("thumbnail_height").GetInt32()));

        var html = Http.Parse(json.GetProperty("html").GetString()!);
        var quote = html.QuerySelector("blockquote.byline-embed")!;
        Assert.Equal(url, quote.GetAttribute("cite"));
        Assert.Equal("en", quote.GetAttribute("lang"));
        var headline = quote.QuerySelector("p > a")!;
        Assert.Equal(url, headline.GetAttribute("href"));
        Assert.Equal("Levy <agreed> & signed", headline.TextContent);
        Assert.Equal("Writer: Ingrid Halvorsen and Tomás Ruiz · Byline", quote.QuerySelectorAll("p")[1].Text());
        Assert.Empty(html.QuerySelectorAll("agreed, script"));
    }

    [Fact]
    public async Task XmlAnswerHasTheSameFields()
    {
        var (factory, slug, _) = await StoryWithImageAsync();
        var url = $"{Origin}/world/{slug}";
        using var client = factory.CreateClient();
        var json = await (await client.GetAsync(Ask(url))).ReadJsonAsync();

        var response = await client.GetAsync(Ask(url, "xml"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("oembed", xml.Root!.Name.LocalName);
        Assert.Equal(
            json.EnumerateObject().Select(p => (p.Name, p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetRawText() : p.Value.GetString())),
            xml.Root.Elements().Select(e => (e.Name.LocalName, (string?)e.Value)));
    }

    [Fact]
    public async Task MaxWidthAndMaxHeightBoundTheEmbedAndTheThumbnail()
    {
        var (factory, slug, key) = await StoryWithImageAsync();
        using var client = factory.CreateClient();
        var url = $"{Origin}/world/{slug}";

        var narrow = await (await client.GetAsync(Ask(url, extra: "maxwidth=400"))).ReadJsonAsync();
        Assert.Equal((400, 200), (narrow.GetProperty("width").GetInt32(), narrow.GetProperty("height").GetInt32()));
        Assert.Equal($"{Origin}/media/{key}/320.jpg", narrow.GetProperty("thumbnail_url").GetString());
        Assert.Equal((320, 200), (narrow.GetProperty("thumbnail_width").GetInt32(), narrow.GetProperty("thumbnail_height").GetInt32()));

        var low = await (await client.GetAsync(Ask(url, extra: "maxwidth=2000&maxheight=150"))).ReadJsonAsync();
        Assert.Equal((600, 150), (low.GetProperty("width").GetInt32(), low.GetProperty("height").GetInt32()));
        Assert.False(low.TryGetProperty("thumbnail_url", out _));

        // No rendition fits in 100 pixels: no thumbnail rather than one that breaks the limit.
        var tiny = await (await client.GetAsync(Ask(url, extra: "maxwidth=100"))).ReadJsonAsync();
        Assert.Equal(100, tiny.GetProperty("width").GetInt32());
        Assert.False(tiny.TryGetProperty("thumbnail_url", out _));
        Assert.False(tiny.TryGetProperty("thumbnail_width", out _));
    }

    [Fact]
    public async Task StoryPagesOfferDiscoveryLinksThatWork()
    {
        var (factory, slug, _) = await StoryWithImageAsync(headline: "Levy agreed");
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync($"/world/{slug}");

        var jsonLink = page.QuerySelector("link[rel=alternate][type='application/json+oembed']")!;
        var xmlLink = page.QuerySelector("link[rel=alternate][type='text/xml+oembed']")!;
        Assert.Equal("Levy agreed", jsonLink.GetAttribute("title"));
        Assert.Equal($"{Origin}{Ask($"{Origin}/world/{slug}")}", jsonLink.GetAttribute("href"));
        Assert.Equal($"{Origin}{Ask($"{Origin}/world/{slug}", "xml")}", xmlLink.GetAttribute("href"));
        Assert.Equal("Levy agreed", (await (await client.GetAsync(jsonLink.GetAttribute("href"))).ReadJsonAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(xmlLink.GetAttribute("href"))).StatusCode);
    }

    [Fact]
    public async Task StoryWithoutImageHasNoThumbnailAndAStoryLinkWithExtrasStillResolves()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("plain-embed");
        await factory.AddStoryAsync(slug, headline: "Plain");

        var json = await (await factory.CreateClient().GetAsync(Ask($"{Origin}/world/{slug}/?utm_source=feed#comments", format: null))).ReadJsonAsync();

        Assert.Equal("Plain", json.GetProperty("title").GetString());
        Assert.False(json.TryGetProperty("thumbnail_url", out _));
    }

    [Fact]
    public async Task OtherAddressesAreNotFoundAndBadRequestsAreRefused()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("target");
        var draft = Unique.Slug("unpublished");
        await factory.AddStoryAsync(slug);
        await factory.AddStoryAsync(draft);
        await factory.ChangeStoryAsync(draft, (_, article) =>
        {
            article.State = ArticleState.Unpublished;
            return Task.CompletedTask;
        });
        using var client = factory.CreateClient();

        foreach (var url in new[]
        {
            $"{Origin}/world/no-such-story",
            $"{Origin}/world/{draft}",
            $"https://elsewhere.example/world/{slug}",
            $"{Origin}:8080/world/{slug}",
            $"{Origin}/world",
            $"{Origin}/world/{slug}/comments",
            $"{Origin}/",
            $"{Origin}/world/%00",
        })
        {
            await Http.AssertProblemAsync(await client.GetAsync(Ask(url)), HttpStatusCode.NotFound, "not-found");
        }

        var story = $"{Origin}/world/{slug}";
        foreach (var (query, code) in new[]
        {
            ("/oembed?format=json", "url-required"),
            ("/oembed?url=&format=json", "url-required"),
            (Ask("/world/" + slug), "url-invalid"),
            (Ask("ftp://localhost/world/" + slug), "url-invalid"),
            (Ask("not a url at all"), "url-invalid"),
            (Ask(story, "yaml"), "format-unsupported"),
            (Ask(story, "JSON"), "format-unsupported"),
            (Ask(story, extra: "maxwidth=abc"), "size-invalid"),
            (Ask(story, extra: "maxwidth=0"), "size-invalid"),
            (Ask(story, extra: "maxheight=-5"), "size-invalid"),
            (Ask(story, extra: "maxheight=99999999999999999999"), "size-invalid"),
        })
        {
            await Http.AssertProblemAsync(await client.GetAsync(query), HttpStatusCode.BadRequest, code);
        }
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "A" }, "A")]
    [InlineData(new[] { "A", "B" }, "A and B")]
    [InlineData(new[] { "A", "B", "C" }, "A, B and C")]
    public void AuthorNamesReadAsTheBylineDoes(string[] names, string expected) =>
        Assert.Equal(expected, OEmbedEndpoint.Names(names));
}
