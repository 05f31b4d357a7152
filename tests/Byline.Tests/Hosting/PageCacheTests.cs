using System.IO.Compression;
using System.Text;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace Byline.Tests.Hosting;

public sealed class PageCacheTests
{
    private static readonly KeyValuePair<string, StringValues>[] Html = [new("Content-Type", "text/html; charset=utf-8")];

    private static HttpRequest Request(string path, string query = "", string method = "GET")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Host = new HostString("news.example");
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    [Fact]
    public void PageIsServedUntilItsLifetimeEnds()
    {
        var time = new FakeTimeProvider();
        var cache = new PageCache(time);
        cache.Store("k", [1, 2, 3], Html, ["article:1"]);

        Assert.True(cache.TryGet("k", out var page));
        Assert.Equal([1, 2, 3], page.Body);

        time.Advance(PageCache.Lifetime);
        Assert.False(cache.TryGet("k", out _));
    }

    [Fact]
    public void EvictingATagRemovesEveryPageCarryingItAndNoOther()
    {
        var cache = new PageCache(new FakeTimeProvider());
        cache.Store("story", [1], Html, ["article:1"]);
        cache.Store("discussion", [2], Html, ["article:1"]);
        cache.Store("front", [3], Html, ["fronts"]);

        cache.Evict("article:1");

        Assert.False(cache.TryGet("story", out _));
        Assert.False(cache.TryGet("discussion", out _));
        Assert.True(cache.TryGet("front", out _));
    }

    [Fact]
    public void OnlyPagingAndPromptParametersSplitTheKey()
    {
        Assert.NotEqual(PageCache.KeyOf(Request("/world/a")), PageCache.KeyOf(Request("/world/a", "?prompt=1")));
        Assert.NotEqual(PageCache.KeyOf(Request("/world/a", "?prompt=1")), PageCache.KeyOf(Request("/world/a", "?prompt=2")));
        // Not a prompt number any story could have: not a separate page to keep.
        Assert.Equal(PageCache.KeyOf(Request("/world/a")), PageCache.KeyOf(Request("/world/a", "?prompt=12345")));
        Assert.Equal(PageCache.KeyOf(Request("/world/a")), PageCache.KeyOf(Request("/world/a", "?prompt=x")));
        Assert.Equal(PageCache.KeyOf(Request("/world/a")), PageCache.KeyOf(Request("/world/a", "?utm_source=x&ref=y")));
        Assert.NotEqual(PageCache.KeyOf(Request("/world/a")), PageCache.KeyOf(Request("/world/a", "?after=1-2")));
        Assert.NotEqual(PageCache.KeyOf(Request("/world/a", "?after=1-2")), PageCache.KeyOf(Request("/world/a", "?before=1-2")));
    }

    [Theory]
    [InlineData("GET", "/world/a", null, null, true)]
    [InlineData("HEAD", "/world/a", null, null, true)]
    [InlineData("POST", "/world/a", null, null, false)]
    [InlineData("GET", "/api/v1/articles/a", null, null, false)]
    [InlineData("GET", "/world/a", "Authorization", "Bearer x", false)]
    [InlineData("GET", "/world/a", "Cookie", ".Byline.Auth=x", false)]
    [InlineData("GET", "/world/a", "Cookie", "theme=dark", true)]
    public void OnlyAnonymousReadsOutsideTheApiAreCacheable(string method, string path, string? header, string? value, bool cacheable)
    {
        var request = Request(path, method: method);
        if (header is not null)
        {
            request.Headers[header] = value;
        }
        Assert.Equal(cacheable, PageCache.IsCacheable(request));
    }

    [Fact]
    public void StoredPageKeepsBrotliAndGzipCopiesOfItsBody()
    {
        var cache = new PageCache(new FakeTimeProvider());
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>The harbour levy was agreed at dawn.</p>\n", 100)));

        var stored = cache.Store("k", body, Html, ["fronts"]);

        Assert.True(cache.TryGet("k", out var page));
        Assert.Same(stored, page);
        Assert.True(page.Brotli!.Length < body.Length / 5, $"brotli {page.Brotli.Length} of {body.Length} bytes");
        Assert.True(page.Gzip!.Length < body.Length / 5, $"gzip {page.Gzip.Length} of {body.Length} bytes");
        Assert.Equal(body, Decode(new BrotliStream(new MemoryStream(page.Brotli), CompressionMode.Decompress)));
        Assert.Equal(body, Decode(new GZipStream(new MemoryStream(page.Gzip), CompressionMode.Decompress)));
    }

    [Fact]
    public void SmallPageIsKeptOnlyAsItIs()
    {
        var page = new PageCache(new FakeTimeProvider()).Store("k", new byte[PageCompression.MinBytes - 1], Html, []);

        Assert.Null(page.Brotli);
        Assert.Null(page.Gzip);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("identity", null)]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("gzip;q=1.0, br;q=0.5", "gzip")]
    [InlineData("BR", "br")]
    [InlineData("*", "br")]
    [InlineData("*;q=0", null)]
    [InlineData("gzip;q=0, *", "br")]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData("gzip;q=nonsense", null)]
    public void EncodingFollowsWhatTheClientAccepts(string? acceptEncoding, string? expected) =>
        Assert.Equal(expected, PageCompression.Choose(acceptEncoding));

    private static byte[] Decode(Stream decoder)
    {
        using var output = new MemoryStream();
        using (decoder)
        {
            decoder.CopyTo(output);
        }
        return output.ToArray();
    }
}
