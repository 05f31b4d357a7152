namespace Byline.Data.Live;

/// <summary>
/// Something readers of a story's open page should see change: a comment appeared, changed, or went away. Written in
/// the same transaction as the change, so the live feed can replay what a reconnecting reader missed (its
/// <see cref="Id"/> is the SSE event id) and never announces what was not committed.
/// </summary>
public sealed class DiscussionEvent
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public long CommentId { get; set; }
    public DiscussionEventKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
}

public enum DiscussionEventKind
{
    /// <summary>A comment became visible (posted approved, or approved by a moderator).</summary>
    Added = 0,

    /// <summary>A visible comment changed in place (edited, featured).</summary>
    Changed = 1,

    /// <summary>A visible comment was deleted by its author or removed by a moderator.</summary>
    Removed = 2,
}
