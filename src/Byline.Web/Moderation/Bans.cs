using Byline.Data;
using Byline.Data.Accounts;
using Byline.Data.Comments;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Moderation;

/// <summary>
/// Banning an account from commenting, for a period or for good, and optionally hiding everything it has posted
/// (each hidden comment is an audited rejection, so a moderator can undo it one by one).
/// </summary>
public sealed class Bans(BylineDbContext db, WriteGate writeGate, PageCache cache, TimeProvider time)
{
    public const int MaxReasonLength = 500;

    public enum Outcome
    {
        Banned,
        Lifted,
        NotFound,

        /// <summary>Staff are managed at /admin/users, not banned from the queue.</summary>
        Staff,
    }

    /// <param name="until">When the ban ends; <see cref="BylineUser.PermanentBan"/> for ever.</param>
    /// <returns>The outcome and how many comments were hidden.</returns>
    public async Task<(Outcome Outcome, int Hidden)> BanAsync(
        string userId, DateTimeOffset until, string reason, bool hideComments, ModerationActor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var touched = new HashSet<int>();
        int hidden;
        using (await writeGate.EnterAsync(db, cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
            if (user is null)
            {
                return (Outcome.NotFound, 0);
            }
            if (await IsStaffAsync(userId, cancellationToken))
            {
                return (Outcome.Staff, 0);
            }
            user.BannedUntil = until;
            user.BanReason = reason;
            var detail = until == BylineUser.PermanentBan ? "permanent" : $"until {until:O}";
            AuditLog.RecordSystem(db, now, actor.Name, "user.ban", $"user:{userId}", $"{detail}; {reason}{(hideComments ? "; comments hidden" : "")}");
            hidden = 0;
            if (hideComments)
            {
                var visible = await db.Comments
                    .Where(c => c.AuthorUserId == userId && (c.Status == CommentStatus.Approved || c.Status == CommentStatus.Pending))
                    .ToListAsync(cancellationToken);
                var ids = visible.ConvertAll(c => c.Id);
                var feedback = (await db.CommentAnchors.Where(a => ids.Contains(a.CommentId)).Select(a => a.CommentId).ToListAsync(cancellationToken)).ToHashSet();
                var changes = new List<(int, bool, int)>();
                foreach (var comment in visible)
                {
                    var from = comment.Status;
                    CommentMoves.Apply(db, comment, CommentStatus.Rejected, DecisionSource.Ban, actor, $"Author banned: {reason}", now);
                    changes.Add((comment.ArticleId, feedback.Contains(comment.Id), CommentMoves.Visibility(from, comment.Status)));
                    touched.Add(comment.ArticleId);
                }
                hidden = visible.Count;
                await db.SaveChangesAsync(cancellationToken);
                await CommentMoves.UpdateCountersAsync(db, changes, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var articleId in touched)
        {
            cache.EvictStory(articleId);
        }
        return (Outcome.Banned, hidden);
    }

    public async Task<Outcome> LiftAsync(string userId, ModerationActor actor, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return Outcome.NotFound;
        }
        user.BannedUntil = null;
        user.BanReason = null;
        AuditLog.RecordSystem(db, time.GetUtcNow(), actor.Name, "user.unban", $"user:{userId}");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Lifted;
    }

    private Task<bool> IsStaffAsync(string userId, CancellationToken cancellationToken) =>
        db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name)
            .AnyAsync(name => name != null && Roles.Staff.Contains(name), cancellationToken);
}
