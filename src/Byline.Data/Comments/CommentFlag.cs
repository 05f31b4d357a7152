namespace Byline.Data.Comments;

/// <summary>A signed-in reader's report of a comment; one per reader per comment.</summary>
public sealed class CommentFlag
{
    public long Id { get; set; }
    public long CommentId { get; set; }
    public required string UserId { get; set; }
    public FlagReason Reason { get; set; }
    public string? Note { get; set; }

    /// <summary>Trusted readers' flags weigh more.</summary>
    public double Weight { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>Set when a moderator decides the comment after the flag: a resolved flag no longer counts.</summary>
    public bool Resolved { get; set; }
}

public enum FlagReason
{
    Spam = 0,
    Abuse = 1,
    OffTopic = 2,
    Other = 3,
}
