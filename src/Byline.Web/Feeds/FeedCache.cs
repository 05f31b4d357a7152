using Microsoft.Extensions.Caching.Memory;

namespace Byline.Web.Feeds;

/// <summary>
/// Written feeds by ETag, and when this node first served each ETag. An ETag names exactly one body, so an entry is
/// never stale and needs no eviction: a change makes a new ETag, and the old entry ages out. A popular feed then costs
/// its one stamp query per request.
/// </summary>
public sealed class FeedCache(TimeProvider time) : IDisposable
{
    private readonly MemoryCache bodies = new(new MemoryCacheOptions { SizeLimit = 16 * 1024 * 1024 });
    private readonly MemoryCache firstServed = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public byte[]? Find(string etag) => bodies.TryGetValue(etag, out byte[]? body) ? body : null;

    public void Store(string etag, byte[] body) =>
        bodies.Set(etag, body, new MemoryCacheEntryOptions { Size = body.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });

    /// <summary>
    /// When this node first served the body the ETag names. The stories' own times miss changes that leave none
    /// behind (an unpublished story, a renamed section, a new setting); this time has them all, so a client that only
    /// sends If-Modified-Since still gets the changed feed. Forgotten after a restart or a day unasked, it starts
    /// again from now: at worst one full response more.
    /// </summary>
    public DateTimeOffset FirstServed(string etag) =>
        firstServed.GetOrCreate(etag, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromDays(1);
            return time.GetUtcNow();
        });

    public void Dispose()
    {
        bodies.Dispose();
        firstServed.Dispose();
    }
}
