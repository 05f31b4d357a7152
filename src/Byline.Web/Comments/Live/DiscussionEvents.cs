using Byline.Data;
using Byline.Data.Comments;
using Byline.Data.Live;
using Byline.Web.Search;

namespace Byline.Web.Comments.Live;

/// <summary>
/// Records what open story pages should show change, in the caller's unit of work: the event is committed with the
/// change or not at all. After the commit, the caller (or the feed's poll) tells the live feed.
/// </summary>
public static class DiscussionEvents
{
    /// <remarks>Every change readers see is one search must see too, so the search index is asked to follow here.</remarks>
    public static void Record(BylineDbContext db, int articleId, long commentId, DiscussionEventKind kind, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.DiscussionEvents.Add(new DiscussionEvent { ArticleId = articleId, CommentId = commentId, Kind = kind, At = now });
        SearchIndex.CommentChanged(db, commentId, now);
    }

    /// <summary>The event a status move means for readers, if any: shown, hidden, or nothing they see.</summary>
    public static DiscussionEventKind? ForMove(CommentStatus from, CommentStatus to) =>
        (from == CommentStatus.Approved, to == CommentStatus.Approved) switch
        {
            (false, true) => DiscussionEventKind.Added,
            (true, false) => DiscussionEventKind.Removed,
            _ => null,
        };
}
