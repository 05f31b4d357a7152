using Microsoft.Extensions.Caching.Memory;

namespace Byline.Web.Feeds;

/// <summary>
/// Written feeds by ETag. An ETag names exactly one body, so an entry is never stale and needs no eviction: a change
/// makes a new ETag, and the old entry ages out. A popular feed then costs its one stamp query per request.
/// </summary>
public sealed class FeedCache : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 16 * 1024 * 1024 });

    public byte[]? Find(string etag) => cache.TryGetValue(etag, out byte[]? body) ? body : null;

    public void Store(string etag, byte[] body) =>
        cache.Set(etag, body, new MemoryCacheEntryOptions { Size = body.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });

    public void Dispose() => cache.Dispose();
}
