namespace Byline.Data.Comments;

/// <summary>One move of a comment between states: the audit trail of moderation, append-only.</summary>
public sealed class CommentDecision
{
    public long Id { get; set; }
    public long CommentId { get; set; }

    /// <summary>The revision of the comment the decision was made on.</summary>
    public int CommentRevision { get; set; }

    public CommentStatus From { get; set; }
    public CommentStatus To { get; set; }

    /// <summary>The moderator, flagger or author who made the move; null when the submit checks did.</summary>
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }

    public DecisionSource Source { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>Why: the checks' reasons, a rejection reason, an appeal note.</summary>
    public string? Reason { get; set; }
}

public enum DecisionSource
{
    /// <summary>The checks on submit.</summary>
    Checks = 0,
    Moderator = 1,

    /// <summary>Reader flags reached the threshold.</summary>
    Flags = 2,
    Author = 3,

    /// <summary>The author appealed a rejection.</summary>
    Appeal = 4,

    /// <summary>Hidden with everything else its author posted, when the author was banned.</summary>
    Ban = 5,
}
