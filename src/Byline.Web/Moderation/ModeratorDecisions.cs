using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Comments;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Moderation;

/// <summary>
/// A moderator's decision on one comment or a selection of them: each must name the revision it was made on (a
/// comment edited since goes back through the checks and needs a new look), and each is audited, resolves the
/// comment's open flags and teaches the classifier. A batch is one transaction.
/// </summary>
public sealed class ModeratorDecisions(BylineDbContext db, WriteGate writeGate, PageCache cache, TimeProvider time)
{
    public const int MaxBatch = 500;
    public const int MaxReasonLength = 500;

    public sealed record Item(long CommentId, int Revision);

    /// <summary>What became of one item: its new status, or a stable error code.</summary>
    public sealed record Outcome(long CommentId, string? Status, string? Error)
    {
        public bool Succeeded => Error is null;
    }

    public const string NotFound = "comment-not-found";
    public const string StaleRevision = "stale-revision";
    public const string InvalidTransition = "invalid-transition";

    public async Task<IReadOnlyList<Outcome>> DecideAsync(
        IReadOnlyList<Item> items, ModerationAction action, string? reason, ModerationActor actor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(items.Count, MaxBatch);
        var now = time.GetUtcNow();
        var ids = items.Select(i => i.CommentId).Distinct().ToList();
        var outcomes = new List<Outcome>(items.Count);
        var changes = new List<(int ArticleId, bool Feedback, int Change)>();
        var touched = new HashSet<int>();

        using (await writeGate.EnterAsync(db, cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var comments = await db.Comments.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            var feedback = (await db.CommentAnchors.Where(a => ids.Contains(a.CommentId)).Select(a => a.CommentId).ToListAsync(cancellationToken)).ToHashSet();
            var decided = new HashSet<long>();
            foreach (var item in items)
            {
                if (!comments.TryGetValue(item.CommentId, out var comment) || !decided.Add(item.CommentId))
                {
                    outcomes.Add(new Outcome(item.CommentId, null, comments.ContainsKey(item.CommentId) ? InvalidTransition : NotFound));
                    continue;
                }
                if (comment.Revision != item.Revision)
                {
                    outcomes.Add(new Outcome(item.CommentId, null, StaleRevision));
                    continue;
                }
                if (!action.Allows(comment.Status, comment.FlagWeight > 0))
                {
                    outcomes.Add(new Outcome(item.CommentId, null, InvalidTransition));
                    continue;
                }
                var from = comment.Status;
                CommentMoves.Apply(db, comment, action.Target(), DecisionSource.Moderator, actor, reason, now);
                comment.FlagWeight = 0;
                changes.Add((comment.ArticleId, feedback.Contains(comment.Id), CommentMoves.Visibility(from, comment.Status)));
                touched.Add(comment.ArticleId);
                if (ModerationActions.TrainingLabel(comment.Status) != comment.TrainedAs)
                {
                    ClassifierTraining.Enqueue(db, comment.Id, now);
                }
                outcomes.Add(new Outcome(item.CommentId, CommentStatusNames.Of(comment.Status), null));
            }
            if (touched.Count > 0)
            {
                var moved = outcomes.Where(o => o.Succeeded).Select(o => o.CommentId).ToList();
                await db.SaveChangesAsync(cancellationToken);
                await db.CommentFlags.Where(f => moved.Contains(f.CommentId) && !f.Resolved)
                    .ExecuteUpdateAsync(f => f.SetProperty(x => x.Resolved, true), cancellationToken);
                await CommentMoves.UpdateCountersAsync(db, changes, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        foreach (var articleId in touched)
        {
            cache.EvictStory(articleId);
        }
        return outcomes;
    }
}
