using Byline.Data;
using Byline.Data.Accounts;
using Byline.Data.Comments;
using Byline.Data.Live;
using Byline.Web.Admin;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Byline.Web.Moderation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Accounts;

/// <summary>
/// A reader deletes their own account (GDPR erasure). Their comments either stay, anonymised (the text under
/// <see cref="FormerReader"/>, no link to the account), or are removed like an author's own deletion ("[deleted]"
/// placeholders keep the threads' shape). Their votes leave the scores they were counted in, their flags leave the
/// weights they added to, and the account goes with its tokens, notifications and subscriptions. One transaction.
/// </summary>
public sealed class AccountDeletion(BylineDbContext db, UserManager<BylineUser> users, WriteGate gate, PageCache cache, TimeProvider time)
{
    /// <summary>The name anonymised comments are shown under.</summary>
    public const string FormerReader = "Former reader";

    /// <summary>Comments are changed this many at a time, so a long history never sits in memory at once.</summary>
    public const int BatchSize = 500;

    public enum CommentChoice { Anonymise, Remove }

    public enum Outcome { Deleted, NotFound, LastAdmin, Failed }

    public async Task<Outcome> DeleteAsync(string userId, CommentChoice comments, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        HashSet<int> stories;
        using (await gate.EnterAsync(db, cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await UserAdministration.LockAccountChangesAsync(db, cancellationToken);
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return Outcome.NotFound;
            }
            if (await users.IsInRoleAsync(user, Roles.Admin) && await UserAdministration.AdminCountAsync(db, users, cancellationToken) <= 1)
            {
                return Outcome.LastAdmin;
            }
            stories = await WithdrawVotesAsync(userId, cancellationToken);
            await WithdrawFlagsAsync(userId, cancellationToken);
            var count = comments == CommentChoice.Remove
                ? await RemoveCommentsAsync(userId, now, stories, cancellationToken)
                : await AnonymiseCommentsAsync(userId, now, stories, cancellationToken);
            // The author's own moves (deletions, appeals) name them in the moderation record; the moves stay, the name goes.
            await db.CommentDecisions.Where(d => d.ActorUserId == userId && (d.Source == DecisionSource.Author || d.Source == DecisionSource.Appeal))
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.ActorUserId, (string?)null).SetProperty(x => x.ActorName, FormerReader), cancellationToken);
            foreach (var story in stories)
            {
                await CommentMoves.TouchAsync(db, story, cancellationToken);
            }

            AuditLog.RecordSystem(db, now, "account owner", "account.delete", AuditLog.User(userId),
                $"deleted by its owner; {count} comment{(count == 1 ? "" : "s")} {(comments == CommentChoice.Remove ? "removed" : "anonymised")}");
            await db.SaveChangesAsync(cancellationToken);
            // Found again: the batches above cleared what the context tracked.
            user = await users.FindByIdAsync(userId);
            if (user is null || !(await users.DeleteAsync(user)).Succeeded)
            {
                return Outcome.Failed;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var story in stories)
        {
            cache.EvictStory(story);
        }
        return Outcome.Deleted;
    }

    /// <summary>Takes the account's votes out of the counts on the comments they were cast on; returns the stories showing those counts.</summary>
    private async Task<HashSet<int>> WithdrawVotesAsync(string userId, CancellationToken cancellationToken)
    {
        var stories = (await db.CommentVotes.Where(v => v.UserId == userId)
            .Join(db.Comments, v => v.CommentId, c => c.Id, (_, c) => c)
            .Where(c => c.Status == CommentStatus.Approved).Select(c => c.ArticleId).Distinct()
            .ToListAsync(cancellationToken)).ToHashSet();
        await db.Comments.Where(c => db.CommentVotes.Any(v => v.CommentId == c.Id && v.UserId == userId && v.Value > 0))
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.UpVotes, x => x.UpVotes - 1).SetProperty(x => x.Score, x => x.Score - 1), cancellationToken);
        await db.Comments.Where(c => db.CommentVotes.Any(v => v.CommentId == c.Id && v.UserId == userId && v.Value < 0))
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.DownVotes, x => x.DownVotes - 1).SetProperty(x => x.Score, x => x.Score + 1), cancellationToken);
        await db.CommentVotes.Where(v => v.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return stories;
    }

    /// <summary>The account's reports go; an unresolved one stops weighing on the comment it reported.</summary>
    private async Task WithdrawFlagsAsync(string userId, CancellationToken cancellationToken)
    {
        var open = await db.CommentFlags.Where(f => f.UserId == userId && !f.Resolved)
            .Select(f => new { f.CommentId, f.Weight }).ToListAsync(cancellationToken);
        foreach (var flag in open)
        {
            await db.Comments.Where(c => c.Id == flag.CommentId)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.FlagWeight, x => x.FlagWeight > flag.Weight ? x.FlagWeight - flag.Weight : 0), cancellationToken);
        }
        await db.CommentFlags.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The texts stay under <see cref="FormerReader"/>; open pages hear that the visible ones changed.</summary>
    private async Task<int> AnonymiseCommentsAsync(string userId, DateTimeOffset now, HashSet<int> stories, CancellationToken cancellationToken)
    {
        var count = 0;
        long after = 0;
        while (true)
        {
            var batch = await db.Comments.AsNoTracking().Where(c => c.AuthorUserId == userId && c.Id > after).OrderBy(c => c.Id).Take(BatchSize)
                .Select(c => new { c.Id, c.ArticleId, c.Status }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return count;
            }
            after = batch[^1].Id;
            count += batch.Count;
            var ids = batch.ConvertAll(c => c.Id);
            await db.Comments.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(c => c
                .SetProperty(x => x.AuthorUserId, (string?)null)
                .SetProperty(x => x.AuthorName, FormerReader)
                .SetProperty(x => x.AuthorEmail, (string?)null), cancellationToken);
            foreach (var visible in batch.Where(c => c.Status == CommentStatus.Approved))
            {
                stories.Add(visible.ArticleId);
                Web.Comments.Live.DiscussionEvents.Record(db, visible.ArticleId, visible.Id, DiscussionEventKind.Changed, now);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Each comment is deleted as its author would delete it: text and history gone, audited, uncounted, placeholder kept.</summary>
    private async Task<int> RemoveCommentsAsync(string userId, DateTimeOffset now, HashSet<int> stories, CancellationToken cancellationToken)
    {
        var actor = new ModerationActor(null, FormerReader);
        await db.CommentEdits.Where(e => db.Comments.Any(c => c.Id == e.CommentId && c.AuthorUserId == userId)).ExecuteDeleteAsync(cancellationToken);
        var count = 0;
        while (true)
        {
            // Each batch takes its comments off the account, so the next query finds the rest.
            var batch = await db.Comments.Include(c => c.Anchor).Where(c => c.AuthorUserId == userId).OrderBy(c => c.Id).Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return count;
            }
            count += batch.Count;
            var changes = new List<(int ArticleId, bool Feedback, int Change)>();
            foreach (var comment in batch)
            {
                if (comment.Status != CommentStatus.Deleted)
                {
                    changes.Add((comment.ArticleId, comment.Anchor is not null, CommentMoves.Visibility(comment.Status, CommentStatus.Deleted)));
                    CommentMoves.Apply(db, comment, CommentStatus.Deleted, DecisionSource.Author, actor, "account deleted", now);
                    stories.Add(comment.ArticleId);
                }
                comment.BodyMarkdown = "";
                comment.BodyHtml = "";
                comment.AppealNote = null;
                comment.AuthorUserId = null;
                comment.AuthorName = FormerReader;
                comment.AuthorEmail = null;
            }
            await db.SaveChangesAsync(cancellationToken);
            await CommentMoves.UpdateCountersAsync(db, changes, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
