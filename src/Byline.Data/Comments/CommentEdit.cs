namespace Byline.Data.Comments;

/// <summary>A comment's text as it was before an edit, for moderators: one row per replaced revision.</summary>
public sealed class CommentEdit
{
    public long Id { get; set; }
    public long CommentId { get; set; }

    /// <summary>The revision this text was (the comment's revision before the edit).</summary>
    public int Revision { get; set; }
    public required string BodyMarkdown { get; set; }

    /// <summary>When this text was written (posted, or the previous edit).</summary>
    public DateTimeOffset WrittenAt { get; set; }

    /// <summary>When it was replaced.</summary>
    public DateTimeOffset ReplacedAt { get; set; }
}
