using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Byline.Web.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments.Votes;

/// <summary>
/// A signed-in reader's vote on an approved comment of a published story: one per reader per comment, changeable and
/// withdrawable, never on their own comment. The comment's counters move with the vote row in one transaction, by
/// relative updates, so concurrent votes add up. Callers check the rate limit first (<see cref="VoteRateLimits"/>).
/// </summary>
/// <remarks>
/// A withdrawn vote stays as a row with value 0 and the time it was withdrawn: the top order's paging needs to know
/// that a thread's score moved since a reader began paging (see <see cref="ThreadOrder"/>). Every reader of votes
/// counts values ±1 only.
/// Scores are rendered into the shared threads fragment, so a vote bumps the story's Version and evicts its cached
/// pages: a vote is a signed-in, rate-limited write, rare beside reads, and the next reader pays one fragment render.
/// </remarks>
public sealed class CommentVoting(BylineDbContext db, WriteGate writeGate, PageCache cache, SiteSettingsStore settings, TimeProvider time)
{
    public enum Outcome
    {
        Done,
        NotFound,
        OwnComment,
        DownVotesDisabled,
        Banned,
    }

    public sealed record Result(Outcome Outcome, VoteDto? Vote = null);

    /// <param name="value">1 (up), -1 (down) or 0 (withdraw).</param>
    public async Task<Result> VoteAsync(long commentId, string userId, int value, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(value), 1);
        var target = await db.Comments.AsNoTracking()
            .Where(c => c.Id == commentId && c.Status == CommentStatus.Approved && db.Articles.Published().Any(a => a.Id == c.ArticleId))
            .Select(c => new { c.ArticleId, c.AuthorUserId })
            .FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return new Result(Outcome.NotFound);
        }
        var now = time.GetUtcNow();
        if (await AuthorStanding.BannedUntilAsync(db, userId, now, cancellationToken) is not null)
        {
            return new Result(Outcome.Banned);
        }
        if (target.AuthorUserId == userId)
        {
            return new Result(Outcome.OwnComment);
        }
        if (value == -1 && !(await settings.GetAsync(cancellationToken)).Settings.DownVotesEnabled)
        {
            return new Result(Outcome.DownVotesDisabled);
        }

        var changed = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var applied = await ApplyAsync(commentId, target.ArticleId, userId, value, now, cancellationToken);
                if (applied is { } done)
                {
                    changed = done;
                    break;
                }
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // The same reader's vote, racing this one, inserted the row first: read it and apply the change to it.
            }
            db.ChangeTracker.Clear();
            if (attempt >= 3)
            {
                break;
            }
        }
        if (changed)
        {
            cache.Evict(CacheTags.Article(target.ArticleId));
        }
        return new Result(Outcome.Done, await StateAsync(commentId, userId, cancellationToken));
    }

    /// <returns>Whether anything changed; null when another request changed the vote meanwhile (try again).</returns>
    private async Task<bool?> ApplyAsync(long commentId, int articleId, string userId, int value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var old = await db.CommentVotes.Where(v => v.CommentId == commentId && v.UserId == userId)
                .Select(v => (int?)v.Value).FirstOrDefaultAsync(cancellationToken);
            if ((old ?? 0) == value)
            {
                return false;
            }
            if (old is null)
            {
                db.CommentVotes.Add(new CommentVote { CommentId = commentId, UserId = userId, Value = value, At = now });
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                // Only from the value read: a concurrent change of the same vote makes this match nothing, and the caller retries.
                var previous = old.Value;
                var updated = await db.CommentVotes.Where(v => v.CommentId == commentId && v.UserId == userId && v.Value == previous)
                    .ExecuteUpdateAsync(v => v.SetProperty(x => x.Value, value).SetProperty(x => x.At, now), cancellationToken);
                if (updated == 0)
                {
                    return null;
                }
            }
            var was = old ?? 0;
            var up = (value == 1 ? 1 : 0) - (was == 1 ? 1 : 0);
            var down = (value == -1 ? 1 : 0) - (was == -1 ? 1 : 0);
            var score = value - was;
            await db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(c => c
                .SetProperty(x => x.UpVotes, x => x.UpVotes + up)
                .SetProperty(x => x.DownVotes, x => x.DownVotes + down)
                .SetProperty(x => x.Score, x => x.Score + score), cancellationToken);
            await CommentMoves.TouchAsync(db, articleId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }

    public async Task<VoteDto> StateAsync(long commentId, string? userId, CancellationToken cancellationToken)
    {
        var counts = await db.Comments.AsNoTracking().Where(c => c.Id == commentId)
            .Select(c => new { c.UpVotes, c.DownVotes, c.Score }).FirstAsync(cancellationToken);
        var mine = userId is null
            ? 0
            : await db.CommentVotes.AsNoTracking().Where(v => v.CommentId == commentId && v.UserId == userId).Select(v => v.Value).FirstOrDefaultAsync(cancellationToken);
        return new VoteDto(commentId, counts.UpVotes, counts.DownVotes, counts.Score, mine);
    }
}
