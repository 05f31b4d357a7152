using System.Net;
using System.Text;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Hosting;

/// <summary>
/// Body size limits are enforced by the real server (the in-memory TestServer does not apply them), so these tests
/// run the app on Kestrel.
/// </summary>
public sealed class RequestSizeTests : IDisposable
{
    private readonly Dictionary<string, BylineFactory> apps = [];

    private async Task<(BylineFactory Factory, HttpClient Client, string Slug)> AppAsync(string provider)
    {
        if (!apps.TryGetValue(provider, out var factory))
        {
            factory = new BylineFactory(provider, kestrel: true);
            apps[provider] = factory;
        }
        var slug = Unique.Slug("size");
        await factory.AddStoryAsync(slug);
        return (factory, factory.CreateNoRedirectClient(), slug);
    }

    public void Dispose()
    {
        foreach (var app in apps.Values)
        {
            app.Dispose();
        }
    }

    private static string JsonOfSize(int bytes) => "{\"body\":\"" + new string('a', bytes - 12) + "\"}";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task JsonBodyOver256KilobytesIsTooLarge(string provider)
    {
        var (factory, client, slug) = await AppAsync(provider);

        var response = await client.PostAsync($"/api/v1/articles/{slug}/comments", new StringContent(JsonOfSize(300 * 1024), Encoding.UTF8, "application/json"));

        await Http.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal((0, 0), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task JsonBodyOverOneMegabyteIsTooLarge(string provider)
    {
        var (factory, client, slug) = await AppAsync(provider);

        var response = await client.PostAsync($"/api/v1/articles/{slug}/comments", new StringContent(JsonOfSize(1100 * 1024), Encoding.UTF8, "application/json"));

        await Http.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal((0, 0), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ChunkedJsonBodyOverTheLimitIsTooLarge(string provider)
    {
        var (factory, client, slug) = await AppAsync(provider);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(JsonOfSize(300 * 1024))));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/articles/{slug}/comments") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal((0, 0), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FormBodyOverOneMegabyteIsTooLarge(string provider)
    {
        var (factory, client, slug) = await AppAsync(provider);
        var content = new StringContent("Body=" + new string('a', 1100 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await client.PostAsync($"/world/{slug}", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await Http.ParseAsync(response);
        Assert.Equal(TestData.Headline, page.QuerySelector("h1")?.Text());
        Assert.Contains(page.QuerySelectorAll("#comment-form [role=alert]"), e => e.Text().StartsWith("What you sent is larger than this site accepts.", StringComparison.Ordinal));
        Assert.Equal((0, 0), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task LargestRealCommentStillFits(string provider)
    {
        var (factory, client, slug) = await AppAsync(provider);
        // 10,000 characters of a script that takes four UTF-8 bytes each, JSON-escaped as surrogate pairs: ~120 KB.
        var body = string.Concat(Enumerable.Repeat("\\ud83d\\ude00", 10_000));

        var response = await client.PostAsync($"/api/v1/articles/{slug}/comments", new StringContent("{\"body\":\"" + body + "\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));
    }
}
