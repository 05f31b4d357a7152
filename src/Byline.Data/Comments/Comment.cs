namespace Byline.Data.Comments;

public sealed class Comment
{
    public long Id { get; set; }
    public int ArticleId { get; set; }

    public long? ParentId { get; set; }

    /// <summary>The top-level comment of this thread (null for a top-level comment), so a page of threads loads in one query.</summary>
    public long? RootId { get; set; }

    /// <summary>1 for a top-level comment.</summary>
    public int Depth { get; set; } = 1;

    /// <summary>The Identity user id of a signed-in author; null for a guest.</summary>
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }

    /// <summary>A guest's email; stored for the newsroom, never shown or returned by the API.</summary>
    public string? AuthorEmail { get; set; }

    public required string BodyMarkdown { get; set; }

    /// <summary>Sanitized HTML, rendered once at write time.</summary>
    public required string BodyHtml { get; set; }

    public string? Language { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public CommentStatus Status { get; set; } = CommentStatus.Approved;

    /// <summary>The passage this comment responds to, when it is inline feedback.</summary>
    public CommentAnchor? Anchor { get; set; }
}
