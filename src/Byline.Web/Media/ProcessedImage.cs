namespace Byline.Web.Media;

/// <summary>An upload decoded, turned upright and re-encoded: its upright size and every rendition to store.</summary>
public sealed record ProcessedImage(int Width, int Height, IReadOnlyList<ProcessedImage.Rendition> Renditions)
{
    public sealed record Rendition(int Width, int Height, string ContentType, byte[] Bytes);
}
