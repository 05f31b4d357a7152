namespace Byline.Data.Comments;

/// <summary>
/// One reason the checks (or readers' flags) gave for holding a comment, shown to moderators only: a stable
/// <see cref="Code"/> such as "suspect-word", the <see cref="Detail"/> ("捐款") and how much it weighed.
/// </summary>
public sealed class CommentReason
{
    public long Id { get; set; }
    public long CommentId { get; set; }
    public required string Code { get; set; }
    public string? Detail { get; set; }
    public double Weight { get; set; }

    public override string ToString() => Detail is null ? Code : $"{Code}:{Detail}";
}
