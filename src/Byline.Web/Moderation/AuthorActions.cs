using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Moderation;

/// <summary>What an author may do to their own comment's moderation: appeal a rejection once, or withdraw it.</summary>
public sealed class AuthorActions(BylineDbContext db, WriteGate writeGate, PageCache cache, TimeProvider time)
{
    public const int MaxAppealLength = 500;

    public enum Outcome
    {
        Done,
        NotFound,

        /// <summary>Not rejected by a moderator, appealed already, or its author is banned.</summary>
        NotAppealable,
    }

    public async Task<Outcome> AppealAsync(long commentId, ModerationActor author, string note, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.AuthorUserId == author.UserId, cancellationToken);
            if (comment is null || comment.Status == CommentStatus.Deleted)
            {
                return Outcome.NotFound;
            }
            // Only a moderator's rejection (it gave a reason) can be appealed; what the checks refused is not explained.
            // A banned account appeals nothing: a ban that hid its comments must not send them all back to the queue.
            if (comment.Status != CommentStatus.Rejected || comment.StatusNote is null || comment.AppealedAt is not null
                || await db.Users.AnyAsync(u => u.Id == author.UserId && u.BannedUntil > now, cancellationToken))
            {
                return Outcome.NotAppealable;
            }
            comment.AppealNote = note;
            comment.AppealedAt = now;
            CommentMoves.Apply(db, comment, CommentStatus.Pending, DecisionSource.Appeal, author, note, now);
            db.CommentReasons.Add(new CommentReason { CommentId = commentId, Code = "appeal", Weight = Byline.Core.Moderation.ModerationVerdict.HoldAt });
            await db.SaveChangesAsync(cancellationToken);
        }
        return Outcome.Done;
    }

    /// <summary>Withdraws a comment: its text is gone for good; replies to it keep their place under a placeholder.</summary>
    public async Task<Outcome> DeleteAsync(long commentId, ModerationActor author, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        int articleId;
        using (await writeGate.EnterAsync(db, cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var comment = await db.Comments.Include(c => c.Anchor)
                .FirstOrDefaultAsync(c => c.Id == commentId && c.AuthorUserId == author.UserId && c.Status != CommentStatus.Deleted, cancellationToken);
            if (comment is null)
            {
                return Outcome.NotFound;
            }
            var from = comment.Status;
            CommentMoves.Apply(db, comment, CommentStatus.Deleted, DecisionSource.Author, author, null, now);
            comment.BodyMarkdown = "";
            comment.BodyHtml = "";
            await db.SaveChangesAsync(cancellationToken);
            // Earlier versions of the text go with it.
            await db.CommentEdits.Where(e => e.CommentId == commentId).ExecuteDeleteAsync(cancellationToken);
            var change = CommentMoves.Visibility(from, CommentStatus.Deleted);
            await (change == 0
                ? CommentMoves.TouchAsync(db, comment.ArticleId, cancellationToken)
                : CommentMoves.UpdateCountersAsync(db, [(comment.ArticleId, comment.Anchor is not null, change)], cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            articleId = comment.ArticleId;
        }
        cache.EvictStory(articleId);
        return Outcome.Done;
    }
}
