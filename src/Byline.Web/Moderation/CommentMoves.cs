using Byline.Data;
using Byline.Data.Comments;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Moderation;

/// <summary>
/// The one way a comment changes state once stored: the status, the audit record, and the story's counters, which
/// count approved comments only. Callers hold the write gate and a transaction, and evict the story's pages after.
/// </summary>
public static class CommentMoves
{
    public static void Apply(
        BylineDbContext db, Comment comment, CommentStatus to, DecisionSource source, ModerationActor actor, string? reason, DateTimeOffset now)
    {
        db.CommentDecisions.Add(new CommentDecision
        {
            CommentId = comment.Id,
            CommentRevision = comment.Revision,
            From = comment.Status,
            To = to,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Source = source,
            At = now,
            Reason = reason,
        });
        if (Comments.Live.DiscussionEvents.ForMove(comment.Status, to) is { } shown)
        {
            Comments.Live.DiscussionEvents.Record(db, comment.ArticleId, comment.Id, shown, now);
            if (shown == Byline.Data.Live.DiscussionEventKind.Added)
            {
                // Who is told of it is decided after the commit, once (a comment shown again adds no second notice).
                Notifications.CommentNotices.Enqueue(db, comment.Id, now);
            }
        }
        comment.Status = to;
        comment.StatusChangedAt = now;
        comment.StatusNote = to == CommentStatus.Rejected ? reason : null;
    }

    /// <summary>How a move changes a story's count of visible comments: +1, -1 or 0.</summary>
    public static int Visibility(CommentStatus from, CommentStatus to) =>
        (to == CommentStatus.Approved ? 1 : 0) - (from == CommentStatus.Approved ? 1 : 0);

    /// <summary>Marks a story's rendered discussion stale when a change shows without changing a count (a placeholder's label).</summary>
    public static Task TouchAsync(BylineDbContext db, int articleId, CancellationToken cancellationToken) =>
        db.Articles.Where(a => a.Id == articleId).ExecuteUpdateAsync(a => a.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);

    /// <summary>Applies the counted changes to each story in one statement per story.</summary>
    /// <param name="changes">Per comment: its story, whether it is inline feedback, and its <see cref="Visibility"/> change.</param>
    public static async Task UpdateCountersAsync(
        BylineDbContext db, IEnumerable<(int ArticleId, bool Feedback, int Change)> changes, CancellationToken cancellationToken)
    {
        foreach (var story in changes.Where(c => c.Change != 0).GroupBy(c => c.ArticleId))
        {
            var comments = story.Where(c => !c.Feedback).Sum(c => c.Change);
            var feedback = story.Where(c => c.Feedback).Sum(c => c.Change);
            await db.Articles.Where(a => a.Id == story.Key)
                .ExecuteUpdateAsync(a => a
                    .SetProperty(x => x.CommentCount, x => x.CommentCount + comments)
                    .SetProperty(x => x.InlineFeedbackCount, x => x.InlineFeedbackCount + feedback)
                    .SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        }
    }
}
