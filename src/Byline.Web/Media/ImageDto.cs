using Byline.Data.Media;

namespace Byline.Web.Media;

/// <summary>A stored image as the upload API answers it: where every rendition is, and the Markdown that shows it in a body.</summary>
public sealed record ImageDto(
    string Key,
    int Width,
    int Height,
    string Alt,
    string? Caption,
    string? Credit,
    string Url,
    string Markdown,
    string Srcset,
    IReadOnlyList<ImageDto.RenditionRef> Renditions)
{
    public sealed record RenditionRef(int Width, int Height, string ContentType, string Url, int Bytes);

    public static ImageDto From(StoredImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var sizes = image.Renditions.Where(r => r.ContentType == MediaPaths.Webp).OrderBy(r => r.Width)
            .Select(r => new RenditionSize(r.Width, r.Height)).ToList();
        var main = MediaPaths.DefaultSize(sizes);
        return new ImageDto(
            image.Key,
            image.Width,
            image.Height,
            image.Alt,
            image.Caption,
            image.Credit,
            MediaPaths.Rendition(image.Key, main.Width, MediaPaths.Webp),
            MediaPaths.Markdown(image.Key, main.Width, image.Alt, image.Caption, image.Credit),
            MediaPaths.Srcset(image.Key, sizes, MediaPaths.Webp),
            image.Renditions.OrderBy(r => r.Width).ThenBy(r => r.ContentType)
                .Select(r => new RenditionRef(r.Width, r.Height, r.ContentType, MediaPaths.Rendition(image.Key, r.Width, r.ContentType), r.Bytes.Length))
                .ToList());
    }
}
