namespace Byline.Data.Media;

/// <summary>
/// An uploaded image after it was decoded and re-encoded. The renditions (bytes) live in the database so that every
/// node of a multi-node install serves them without a shared disk.
/// </summary>
public sealed class StoredImage
{
    public int Id { get; set; }

    /// <summary>Random, URL-safe, unguessable; part of every rendition URL, which is immutable.</summary>
    public required string Key { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public required string Alt { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public string? UploadedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ImageRendition> Renditions { get; set; } = [];
}
