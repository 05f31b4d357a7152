using Byline.Data;
using Byline.Data.Comments;
using Byline.Data.Live;
using Byline.Web.Articles;
using Byline.Web.Comments.Live;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Byline.Web.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments.Votes;

/// <summary>
/// Editors feature (pin) threads: an approved top-level comment of a published story. It carries a "Featured" badge,
/// heads the first page as an editor's pick and is listed in the Featured tab. Audited, and told to open pages.
/// </summary>
public sealed class Featuring(BylineDbContext db, WriteGate writeGate, PageCache cache, AuditLog audit, TimeProvider time)
{
    public enum Outcome
    {
        Done,
        NotFound,

        /// <summary>A reply: only whole threads are featured.</summary>
        NotAThread,
    }

    public sealed record Result(Outcome Outcome, FeatureDto? State = null);

    public async Task<Result> SetAsync(long commentId, string editorUserId, bool featured, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        FeatureDto state;
        var changed = false;
        int articleId;
        using (await writeGate.EnterAsync(db, cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.Status == CommentStatus.Approved
                && db.Articles.Published().Any(a => a.Id == c.ArticleId), cancellationToken);
            if (comment is null)
            {
                return new Result(Outcome.NotFound);
            }
            if (comment.RootId is not null)
            {
                return new Result(Outcome.NotAThread);
            }
            articleId = comment.ArticleId;
            if ((comment.FeaturedAt is not null) != featured)
            {
                comment.FeaturedAt = featured ? now : null;
                comment.FeaturedByUserId = featured ? editorUserId : null;
                DiscussionEvents.Record(db, comment.ArticleId, comment.Id, DiscussionEventKind.Changed, now);
                audit.Record(featured ? "comment.feature" : "comment.unfeature", $"comment:{comment.Id}", AuditLog.Article(comment.ArticleId));
                await db.SaveChangesAsync(cancellationToken);
                await CommentMoves.TouchAsync(db, comment.ArticleId, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                changed = true;
            }
            state = new FeatureDto(comment.Id, comment.FeaturedAt is not null, comment.FeaturedAt);
        }
        if (changed)
        {
            cache.Evict(CacheTags.Article(articleId));
        }
        return new Result(Outcome.Done, state);
    }
}
