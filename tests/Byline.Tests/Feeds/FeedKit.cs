using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Byline.Web.Newsroom;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Feeds;

/// <summary>Fetching and reading feeds the way readers do: RSS and Atom through .NET's SyndicationFeed, JSON Feed as JSON.</summary>
public static class FeedKit
{
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

    /// <summary>The three formats of a scope, by their feed URLs.</summary>
    public static IEnumerable<string> Formats(string prefix) => FileNames.Select(f => $"{prefix}/{f}");

    private static readonly string[] FileNames = ["rss.xml", "atom.xml", "feed.json"];

    public static async Task<SyndicationFeed> GetSyndicationAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        var expected = url.EndsWith("rss.xml", StringComparison.Ordinal) ? "application/rss+xml" : "application/atom+xml";
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader);
    }

    /// <summary>Fetches a JSON feed and checks what JSON Feed 1.1 requires of it and of each item.</summary>
    public static async Task<JsonElement> GetJsonFeedAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/feed+json", response.Content.Headers.ContentType?.MediaType);
        var feed = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal("https://jsonfeed.org/version/1.1", feed.GetProperty("version").GetString());
        Assert.False(string.IsNullOrEmpty(feed.GetProperty("title").GetString()));
        var home = feed.GetProperty("home_page_url").GetString();
        Assert.True(Uri.TryCreate(home, UriKind.Absolute, out var homeUri) && homeUri.Scheme == "http", home);
        Assert.Equal(url, new Uri(feed.GetProperty("feed_url").GetString()!).PathAndQuery);
        foreach (var item in feed.GetProperty("items").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(item.GetProperty("id").GetString()));
            Assert.True(item.TryGetProperty("content_html", out var html) && html.ValueKind == JsonValueKind.String);
            Assert.StartsWith("http://localhost/", item.GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.True(DateTimeOffset.TryParse(item.GetProperty("date_published").GetString(), out _));
            Assert.True(DateTimeOffset.TryParse(item.GetProperty("date_modified").GetString(), out _));
        }
        return feed;
    }

    public static JsonElement JsonItem(JsonElement feed, string title) =>
        feed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == title);

    public static SyndicationItem Item(SyndicationFeed feed, string title) => feed.Items.Single(i => i.Title.Text == title);

    /// <summary>Every entry's title, in the feed's order.</summary>
    public static List<string> Titles(SyndicationFeed feed) => [.. feed.Items.Select(i => i.Title.Text)];

    public static List<string> Titles(JsonElement feed) => [.. feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];

    public static string Html(SyndicationItem item) => item.Content is TextSyndicationContent content
        ? content.Text
        : item.ElementExtensions.ReadElementExtensions<string>("encoded", ContentModule).Single();

    /// <summary>Publishes a correction as the newsroom does (the story's version and updated time move with it).</summary>
    public static async Task AddCorrectionAsync(this BylineFactory factory, int articleId, CorrectionKind kind, string text)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<CorrectionPublisher>().AddAsync(articleId, kind, text, null, default);
        Assert.NotNull(stored);
    }
}
