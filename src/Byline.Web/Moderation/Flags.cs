using Byline.Data;
using Byline.Data.Accounts;
using Byline.Data.Comments;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Moderation;

/// <summary>
/// Readers' reports. One per reader per comment; a trusted reader's (a history of approved comments, or staff) weighs
/// double. When the unresolved weight reaches the site's threshold the comment leaves the discussion for the queue.
/// </summary>
public sealed class Flags(BylineDbContext db, WriteGate writeGate, PageCache cache, SiteSettingsStore settings, TimeProvider time)
{
    public const int MaxNoteLength = 500;

    public enum Outcome
    {
        Flagged,

        /// <summary>Flagged, and the comment is back in the queue.</summary>
        Held,
        NotFound,
        OwnComment,
        AlreadyFlagged,

        /// <summary>The flagger's account is banned: a banned reader does not get to push others' comments off the page.</summary>
        Banned,
    }

    public sealed record Flagger(string UserId, string Name, bool IsStaff);

    public async Task<Outcome> FlagAsync(long commentId, Flagger flagger, FlagReason reason, string? note, CancellationToken cancellationToken)
    {
        var site = (await settings.GetAsync(cancellationToken)).Settings;
        var now = time.GetUtcNow();
        if (await AuthorStanding.BannedUntilAsync(db, flagger.UserId, now, cancellationToken) is not null)
        {
            return Outcome.Banned;
        }
        var weight = flagger.IsStaff || await IsTrustedAsync(flagger.UserId, site.TrustAfterApproved, cancellationToken) ? 2 : 1;
        Outcome outcome;
        int articleId;
        using (await writeGate.EnterAsync(db, cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var comment = await db.Comments.Include(c => c.Anchor).FirstOrDefaultAsync(c => c.Id == commentId && c.Status == CommentStatus.Approved
                && db.Articles.Published().Any(a => a.Id == c.ArticleId), cancellationToken);
            if (comment is null)
            {
                return Outcome.NotFound;
            }
            if (comment.AuthorUserId == flagger.UserId)
            {
                return Outcome.OwnComment;
            }
            if (await db.CommentFlags.AnyAsync(f => f.CommentId == commentId && f.UserId == flagger.UserId, cancellationToken))
            {
                return Outcome.AlreadyFlagged;
            }
            db.CommentFlags.Add(new CommentFlag { CommentId = commentId, UserId = flagger.UserId, Reason = reason, Note = note, Weight = weight, At = now });
            comment.FlagWeight += weight;
            articleId = comment.ArticleId;
            outcome = Outcome.Flagged;
            if (comment.FlagWeight >= site.FlagThreshold)
            {
                var top = await db.CommentFlags.Where(f => f.CommentId == commentId && !f.Resolved).Select(f => f.Reason).ToListAsync(cancellationToken);
                var detail = top.Append(reason).GroupBy(r => r).OrderByDescending(g => g.Count()).First().Key;
                CommentMoves.Apply(db, comment, CommentStatus.Pending, DecisionSource.Flags, ModerationActor.Flags,
                    $"Flag weight {comment.FlagWeight:0.#} reached {site.FlagThreshold:0.#}", now);
                db.CommentReasons.Add(new CommentReason { CommentId = commentId, Code = "flagged", Detail = FlagReasons.Name(detail), Weight = comment.FlagWeight });
                await db.SaveChangesAsync(cancellationToken);
                await CommentMoves.UpdateCountersAsync(db, [(comment.ArticleId, comment.Anchor is not null, -1)], cancellationToken);
                outcome = Outcome.Held;
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same reader's second flag, racing the first: the unique index keeps one.
                return Outcome.AlreadyFlagged;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        if (outcome == Outcome.Held)
        {
            cache.EvictStory(articleId);
        }
        return outcome;
    }

    private async Task<bool> IsTrustedAsync(string userId, int trustAfter, CancellationToken cancellationToken) =>
        trustAfter > 0 && await AuthorStanding.ApprovedCountAsync(db, userId, trustAfter, cancellationToken) >= trustAfter;
}

public static class FlagReasons
{
    public static string Name(FlagReason reason) => reason switch
    {
        FlagReason.OffTopic => "off-topic",
        _ => reason.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? name, out FlagReason reason)
    {
        (var ok, reason) = name?.Trim().ToLowerInvariant() switch
        {
            "spam" => (true, FlagReason.Spam),
            "abuse" => (true, FlagReason.Abuse),
            "off-topic" => (true, FlagReason.OffTopic),
            "other" => (true, FlagReason.Other),
            _ => (false, FlagReason.Other),
        };
        return ok;
    }

    public static string Label(FlagReason reason) => reason switch
    {
        FlagReason.Spam => "Spam or advertising",
        FlagReason.Abuse => "Abusive or hateful",
        FlagReason.OffTopic => "Off-topic",
        _ => "Something else",
    };
}
