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
}
