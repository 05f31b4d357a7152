using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace Byline.Web.Hosting;

/// <summary>
/// Whole pages for anonymous readers, in memory, evicted by tag (a story, the fronts) or after <see cref="Lifetime"/>.
/// </summary>
/// <remarks>
/// ASP.NET Core's output cache did this job first; the story-page benchmark measured its hit path at about 0.75× nginx
/// serving the same file, against 0.95× for a hit that is a dictionary lookup and one write (DESIGN.md's target is 0.8×).
/// So the hit path is Byline's own and as short as it can be. The cache is per node: what it cannot know (a write on
/// another node) it forgets after <see cref="Lifetime"/>.
/// </remarks>
public sealed class PageCache(TimeProvider time)
{
    public const string AuthCookie = ".Byline.Auth";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    private const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>A stored page: its body as rendered and, when they are smaller, its Brotli and gzip copies.</summary>
    public sealed record Page(byte[] Body, byte[]? Brotli, byte[]? Gzip, KeyValuePair<string, StringValues>[] Headers, string[] Tags, DateTimeOffset Expires)
    {
        public long Size => Body.Length + (Brotli?.Length ?? 0) + (Gzip?.Length ?? 0);
    }

    private readonly ConcurrentDictionary<string, Page> pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> keysByTag = new(StringComparer.Ordinal);
    private long bytes;

    /// <summary>Anonymous GET and HEAD requests outside the API may be answered from the cache.</summary>
    public static bool IsCacheable(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Headers.ContainsKey("Authorization")
        // The raw header, not request.Cookies: this runs on every request, and a false alarm only costs a fresh render.
        && !request.Headers.Cookie.ToString().Contains(AuthCookie, StringComparison.Ordinal)
        && !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Host and path, plus the paging parameters, the discussion's sort (a known one only) and an author prompt's number
    /// (a story's form opened on a prompt): other query parameters (utm_…) must not split or flood the cache.
    /// </summary>
    public static string KeyOf(HttpRequest request)
    {
        var key = string.Concat(request.Host.Value, request.PathBase.Value, request.Path.Value);
        if (!request.QueryString.HasValue)
        {
            return key;
        }
        var after = request.Query["after"].ToString();
        var before = request.Query["before"].ToString();
        var prompt = request.Query["prompt"].ToString();
        // An unknown sort is ignored by the pages, so it shares the default's entry.
        var sort = request.Query["sort"].ToString();
        sort = Comments.Votes.ThreadSorts.TryParse(sort, out _) ? sort : "";
        // At most 999 variants of a story: a longer number is no prompt, and is answered (uncached) with the plain form.
        prompt = prompt.Length is > 0 and <= 3 && prompt.All(char.IsAsciiDigit) ? prompt : "";
        return after.Length == 0 && before.Length == 0 && prompt.Length == 0 && sort.Length == 0
            ? key
            : string.Concat(key, "?after=", after, "&before=", before, "&prompt=", prompt, "&sort=", sort);
    }

    public bool TryGet(string key, out Page page)
    {
        if (pages.TryGetValue(key, out page!) && page.Expires > time.GetUtcNow())
        {
            return true;
        }
        return false;
    }

    /// <summary>Makes the page (with its compressed copies) and keeps it, unless the cache is full; returns it either way.</summary>
    public Page Store(string key, byte[] body, KeyValuePair<string, StringValues>[] headers, IEnumerable<string> tags)
    {
        var (brotli, gzip) = PageCompression.Compress(body);
        var page = new Page(body, brotli, gzip, headers, [.. tags.Distinct(StringComparer.Ordinal)], time.GetUtcNow() + Lifetime);
        if (Interlocked.Read(ref bytes) + page.Size > MaxBytes)
        {
            RemoveExpired();
            if (Interlocked.Read(ref bytes) + page.Size > MaxBytes)
            {
                return page;
            }
        }
        foreach (var tag in page.Tags)
        {
            keysByTag.GetOrAdd(tag, _ => new(StringComparer.Ordinal))[key] = 0;
        }
        pages.AddOrUpdate(key,
            _ => { Interlocked.Add(ref bytes, page.Size); return page; },
            (_, old) => { Interlocked.Add(ref bytes, page.Size - old.Size); return page; });
        return page;
    }

    /// <summary>A story changed in a way readers see: its own pages go, and the lists that show it (headline, counts).</summary>
    public void EvictStory(int articleId)
    {
        Evict(CacheTags.Article(articleId));
        Evict(CacheTags.Fronts);
    }

    public void Evict(string tag)
    {
        if (!keysByTag.TryRemove(tag, out var keys))
        {
            return;
        }
        foreach (var key in keys.Keys)
        {
            Remove(key);
        }
    }

    /// <summary>Something every page shows changed (the site's name, say): no stored page is right any more.</summary>
    public void Clear()
    {
        keysByTag.Clear();
        foreach (var key in pages.Keys)
        {
            Remove(key);
        }
    }

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (key, page) in pages)
        {
            if (page.Expires <= now)
            {
                Remove(key);
            }
        }
    }

    private void Remove(string key)
    {
        if (pages.TryRemove(key, out var page))
        {
            Interlocked.Add(ref bytes, -page.Size);
        }
    }
}
