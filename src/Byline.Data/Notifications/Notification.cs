namespace Byline.Data.Notifications;

/// <summary>An on-site notice to one account about one comment; at most one per account per comment.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public long CommentId { get; set; }
    public int ArticleId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>Whether this notice should also go out by email (the account's settings when it was made).</summary>
    public bool Email { get; set; }

    /// <summary>When it went out in a mail; null while waiting for its group's mail (or never, when <see cref="Email"/> is off).</summary>
    public DateTimeOffset? EmailedAt { get; set; }
}

public enum NotificationKind
{
    /// <summary>Someone replied to the account's comment.</summary>
    Reply = 0,

    /// <summary>Someone @mentioned the account in a discussion it takes part in.</summary>
    Mention = 1,

    /// <summary>A new response in an inline-feedback thread the account took part in.</summary>
    Passage = 2,

    /// <summary>A new comment on a story the account follows.</summary>
    Following = 3,

    /// <summary>A new comment on a story the account wrote (sent as a digest).</summary>
    OnMyStory = 4,
}
