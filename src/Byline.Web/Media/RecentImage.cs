using Byline.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Media;

/// <summary>An image in the newsroom's list: enough to show a thumbnail and the Markdown that uses it, without its bytes.</summary>
public sealed record RecentImage(
    string Key,
    string Alt,
    string? Caption,
    string? Credit,
    int Width,
    int Height,
    DateTimeOffset CreatedAt,
    IReadOnlyList<RenditionSize> Sizes,
    long StoredBytes)
{
    public RenditionSize Thumbnail => Sizes[0];

    public string ThumbnailUrl => MediaPaths.Rendition(Key, Thumbnail.Width, MediaPaths.Webp);

    public string Markdown => MediaPaths.Markdown(Key, MediaPaths.DefaultSize(Sizes).Width, Alt, Caption, Credit);

    /// <summary>The newest images first, in one query.</summary>
    public static async Task<List<RecentImage>> LoadAsync(BylineDbContext db, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var images = await db.Images.AsNoTracking()
            .OrderByDescending(i => i.Id)
            .Take(count)
            .Select(i => new RecentImage(
                i.Key,
                i.Alt,
                i.Caption,
                i.Credit,
                i.Width,
                i.Height,
                i.CreatedAt,
                i.Renditions.Where(r => r.ContentType == MediaPaths.Webp).OrderBy(r => r.Width)
                    .Select(r => new RenditionSize(r.Width, r.Height)).ToList(),
                i.Renditions.Sum(r => (long)r.Bytes.Length)))
            .ToListAsync(cancellationToken);
        return images.Where(i => i.Sizes.Count > 0).ToList();
    }
}
