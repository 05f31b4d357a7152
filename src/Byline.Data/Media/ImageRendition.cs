namespace Byline.Data.Media;

/// <summary>One encoded size of a <see cref="StoredImage"/>.</summary>
public sealed class ImageRendition
{
    public int ImageId { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>"image/webp", "image/jpeg" or "image/png".</summary>
    public required string ContentType { get; set; }
    public required byte[] Bytes { get; set; }
}
