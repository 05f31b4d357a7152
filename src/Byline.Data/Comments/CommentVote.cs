namespace Byline.Data.Comments;

/// <summary>A signed-in reader's vote on a comment: one per reader per comment, +1 or -1, changeable and withdrawable.</summary>
public sealed class CommentVote
{
    public long CommentId { get; set; }
    public required string UserId { get; set; }

    /// <summary>
    /// +1 (up) or -1 (down, where the site allows it); 0 once withdrawn. A withdrawn vote keeps its row and its time, so
    /// paging by "most voted" can tell which threads' scores changed since it began. Code that counts votes skips 0.
    /// </summary>
    public int Value { get; set; }
    public DateTimeOffset At { get; set; }
}
