using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Accounts;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;
using Byline.Web.Search;

namespace Byline.Web.Newsroom;

/// <summary>
/// Moves a story through the workflow (<see cref="StoryWorkflow"/>), for the editor page and the API alike. Each move is
/// a conditional update on the state the story was in when it was checked, so two people pressing buttons at once
/// cannot both succeed; the audit entry is written in the same transaction.
/// </summary>
public sealed class StoryMoves(BylineDbContext db, CurrentUser user, AuditLog audit, WriteGate writeGate, PublicPages pages, SiteTime time)
{
    /// <param name="Move">The move's name, e.g. "publish".</param>
    /// <param name="From">The state the person saw the story in; a move from any other state is stale.</param>
    /// <param name="PublishAt">For "schedule": local time in the site's zone, or an ISO 8601 instant with offset.</param>
    /// <param name="Reason">For "unpublish": why (kept in the newsroom and the audit log; never shown to readers).</param>
    public sealed record Request(string Move, ArticleState? From = null, string? PublishAt = null, string? Reason = null);

    public static string Label(ArticleState state) => state switch
    {
        ArticleState.InReview => "in review",
        _ => state.ToString().ToLowerInvariant(),
    };

    public async Task<StoryOutcome> MoveAsync(int id, Request request, CancellationToken cancellationToken)
    {
        var story = await db.Articles.AsNoTracking().Include(a => a.Bylines).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        var access = story is null ? null : StoryAccess.For(user, story);
        if (story is null || access is not { CanView: true })
        {
            return StoryOutcome.NotFound;
        }
        if (!StoryWorkflow.Moves.Any(m => m.Name == request.Move))
        {
            return new StoryOutcome(null, StoryRefusal.UnknownMove,
                $"There is no move called “{request.Move}”. Moves: {string.Join(", ", StoryWorkflow.Moves.Select(m => m.Name).Distinct())}.");
        }
        if (request.From is { } seen && seen != story.State)
        {
            return Stale(story.State);
        }
        var move = StoryWorkflow.Find(request.Move, story.State);
        if (move is null)
        {
            // Someone who could make this move from another state hears why not now; anyone else, that it is not theirs.
            return StoryWorkflow.Moves.Any(m => m.Name == request.Move && access.CanMove(m))
                ? new StoryOutcome(null, StoryRefusal.InvalidMove, $"A story that is {Label(story.State)} cannot {request.Move}.", CurrentState: story.State)
                : StoryOutcome.Forbidden($"Only editors {request.Move} stories.");
        }
        if (!access.CanMove(move))
        {
            return StoryOutcome.Forbidden($"Only editors {request.Move} stories.");
        }

        DateTimeOffset? publishAt = null;
        string? reason = null;
        if (move.NeedsTime)
        {
            var (instant, error) = SiteTime.Parse(request.PublishAt, await time.ZoneAsync(cancellationToken));
            if (error is null && instant <= time.Now)
            {
                error = "Choose a time in the future, or publish now.";
            }
            if (error is not null)
            {
                return StoryOutcome.Invalid(StoryRules.Field.PublishAt, error);
            }
            publishAt = instant;
        }
        if (move.NeedsReason)
        {
            (reason, var error) = StoryRules.Reason(request.Reason);
            if (error is not null)
            {
                return StoryOutcome.Invalid(StoryRules.Field.Reason, error);
            }
        }

        var now = time.Now;
        using (await writeGate.EnterAsync(db, cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var updated = await db.Articles.Where(a => a.Id == id && a.State == move.From)
                .ExecuteUpdateAsync(set =>
                {
                    switch (move.Name)
                    {
                        case "publish":
                            StoryPublication.Publish(set, now);
                            break;
                        case "unpublish":
                            StoryPublication.Unpublish(set, reason!);
                            break;
                        case "schedule":
                            set.SetProperty(a => a.State, move.To).SetProperty(a => a.PublishAt, publishAt);
                            break;
                        default:
                            set.SetProperty(a => a.State, move.To).SetProperty(a => a.PublishAt, (DateTimeOffset?)null);
                            break;
                    }
                }, cancellationToken);
            if (updated == 0)
            {
                var current = await db.Articles.Where(a => a.Id == id).Select(a => a.State).FirstAsync(cancellationToken);
                return Stale(current);
            }
            if (move.From == ArticleState.Published || move.To == ArticleState.Published)
            {
                SearchIndex.StoryChanged(db, id, now);
            }
            audit.Record($"article.{move.Name}", AuditLog.Article(id), move.Name switch
            {
                "unpublish" => reason!,
                "schedule" => $"publish at {publishAt:O}",
                _ => $"{move.From} → {move.To}",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (move.From == ArticleState.Published || move.To == ArticleState.Published)
        {
            pages.StoryChanged(id);
        }
        var moved = await db.Articles.AsNoTracking().Include(a => a.Bylines).FirstAsync(a => a.Id == id, cancellationToken);
        return new StoryOutcome(moved);
    }

    private static StoryOutcome Stale(ArticleState current) => new(
        null,
        StoryRefusal.StaleState,
        $"The story changed meanwhile: it is {Label(current)} now. Nothing was done; look at it again.",
        CurrentState: current);
}
