using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace Byline.Web.Articles;

/// <summary>
/// Rendered HTML of a story's body and its first page of threads, with what its head tells search engines, keyed by
/// the story's <c>Version</c> and the site settings they depend on. A key never changes meaning, so there is nothing to invalidate and every node can keep its
/// own copy: a signed-in reader's page (which the shared page cache must not serve) costs one small query plus
/// the per-user parts.
/// </summary>
public sealed class StoryFragments(HtmlEncoder encoder) : IDisposable
{
    public sealed record Entry(string Article, string Threads, StoryMetadata Metadata);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 64 * 1024 * 1024 });

    public static string Key(StoryHead head, string siteStamp) => $"{head.Id}:{head.Version}:{siteStamp}";

    public Entry? Find(string key) => cache.TryGetValue(key, out Entry? entry) ? entry : null;

    public Entry Store(string key, IHtmlContent article, IHtmlContent threads, StoryMetadata metadata)
    {
        var entry = new Entry(ToHtml(article), ToHtml(threads), metadata);
        cache.Set(key, entry, new MemoryCacheEntryOptions
        {
            Size = ((entry.Article.Length + entry.Threads.Length) * sizeof(char)) + metadata.EstimatedBytes,
            SlidingExpiration = TimeSpan.FromMinutes(30),
        });
        return entry;
    }

    private string ToHtml(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, encoder);
        return writer.ToString();
    }

    public void Dispose() => cache.Dispose();
}
