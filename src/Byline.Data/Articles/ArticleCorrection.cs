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
}
