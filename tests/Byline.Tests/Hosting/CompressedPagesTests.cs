using System.IO.Compression;
using System.Net;
using System.Text;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Hosting;

/// <summary>
/// Anonymous pages go out compressed to browsers that accept it, the first read as every later one; signed-in pages,
/// which carry a reader's secrets, never. Compression does not depend on the storage engine: SQLite only.
/// </summary>
public sealed class CompressedPagesTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static async Task<(HttpResponseMessage Response, string Html)> GetAsync(HttpClient client, string url, string? acceptEncoding, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Stream body = new MemoryStream(bytes);
        body = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            null => body,
            var other => throw new InvalidOperationException($"unexpected encoding {other}"),
        };
        using var reader = new StreamReader(body, Encoding.UTF8);
        return (response, await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task AnonymousStoryIsSentInTheEncodingTheBrowserPrefersFromTheFirstRead()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("compressed");
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();

        var (first, firstHtml) = await GetAsync(client, $"/world/{slug}", "gzip, deflate, br, zstd");
        var (second, secondHtml) = await GetAsync(client, $"/world/{slug}", "gzip, deflate, br, zstd");
        var (gzip, gzipHtml) = await GetAsync(client, $"/world/{slug}", "gzip");
        var (plain, plainHtml) = await GetAsync(client, $"/world/{slug}", null);

        Assert.Equal(["br"], first.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], second.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains(TestData.Headline, plainHtml, StringComparison.Ordinal);
        Assert.Equal(plainHtml, firstHtml);
        Assert.Equal(plainHtml, secondHtml);
        Assert.Equal(plainHtml, gzipHtml);
        Assert.True(second.Content.Headers.ContentLength < Encoding.UTF8.GetByteCount(plainHtml) / 2);
        foreach (var response in new[] { first, second, gzip, plain })
        {
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }
    }

    [Fact]
    public async Task SignedInPagesAreNeverCompressed()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("uncompressed");
        await factory.AddStoryAsync(slug);

        var (response, html) = await GetAsync(factory.CreateClient(), $"/world/{slug}", "br, gzip", cookie: ".Byline.Auth=x");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.DoesNotContain("Accept-Encoding", response.Headers.Vary);
        Assert.Contains(TestData.Headline, html, StringComparison.Ordinal);
    }
}
