namespace Byline.Data.Articles;

/// <summary>A public, timestamped, append-only note on a published story: never edited or deleted once added.</summary>
public sealed class ArticleCorrection
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public CorrectionKind Kind { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }

    /// <summary>The story's revision when the correction was published: the edits up to it are what it addresses.</summary>
    public int? Revision { get; set; }
}
