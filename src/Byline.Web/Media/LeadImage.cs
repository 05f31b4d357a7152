using Byline.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Media;

/// <summary>A story's lead image: what the story page and the articles API show, with the sizes to build a srcset.</summary>
public sealed record LeadImage(string Key, string Alt, string? Caption, string? Credit, IReadOnlyList<RenditionSize> Sizes)
{
    /// <summary>
    /// The lead spans the story column: 46rem from a 48rem-wide viewport, the whole width below. Browsers pick a
    /// rendition from this before they know the layout.
    /// </summary>
    public const string SizesAttribute = "(min-width: 48rem) 46rem, 100vw";

    public RenditionSize Default => MediaPaths.DefaultSize(Sizes);

    public string Src => MediaPaths.Rendition(Key, Default.Width, MediaPaths.Jpeg);

    public string Srcset(string contentType) => MediaPaths.Srcset(Key, Sizes, contentType);

    public bool HasCaption => Caption is not null || Credit is not null;

    /// <summary>The image with its sizes (no bytes) in one query; null when it is gone.</summary>
    public static async Task<LeadImage?> FindAsync(BylineDbContext db, int imageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await db.Images.AsNoTracking()
            .Where(i => i.Id == imageId)
            .Select(i => new
            {
                i.Key,
                i.Alt,
                i.Caption,
                i.Credit,
                Sizes = i.Renditions.Where(r => r.ContentType == MediaPaths.Jpeg).OrderBy(r => r.Width)
                    .Select(r => new RenditionSize(r.Width, r.Height)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null || found.Sizes.Count == 0 ? null : new LeadImage(found.Key, found.Alt, found.Caption, found.Credit, found.Sizes);
    }

    public LeadImageDto ToDto() =>
        new(Src, Default.Width, Default.Height, Alt, Caption, Credit, Srcset(MediaPaths.Jpeg));
}
