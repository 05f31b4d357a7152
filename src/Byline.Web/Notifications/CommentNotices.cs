using Byline.Data;
using Byline.Data.Comments;
using Byline.Data.Notifications;
using Byline.Web.Data;
using Byline.Web.Hosting.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Notifications;

/// <summary>
/// Decides, once per visible comment, who is told of it: the parent's author (Reply), @mentioned commenters of the
/// story (Mention), the other participants of an inline-feedback thread (Passage), the story's followers (Following)
/// and its writers (OnMyStory). Never the comment's own author; nobody who muted the story; only accounts (a guest has
/// no account to notify, so guests get nothing). One notice per account per comment, the most personal kind winning;
/// running again for the same comment adds nothing (the unique (UserId, CommentId) index backs that up).
/// </summary>
public sealed class CommentNotices(BylineDbContext db, WriteGate writeGate, TimeProvider time) : IOutboxHandler
{
    public const string MessageKind = "notifications.comment";

    public sealed record Message(long CommentId);

    public string Kind => MessageKind;

    /// <summary>Queues the decision in the caller's unit of work, where the comment becomes visible.</summary>
    public static void Enqueue(BylineDbContext db, long commentId, DateTimeOffset now) =>
        Outbox.Enqueue(db, MessageKind, new Message(commentId), now);

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var commentId = Outbox.Read<Message>(payload).CommentId;
        var comment = await db.Comments.AsNoTracking()
            .Where(c => c.Id == commentId && c.Status == CommentStatus.Approved)
            .Select(c => new { c.Id, c.ArticleId, c.ParentId, c.RootId, c.AuthorUserId, c.BodyMarkdown })
            .FirstOrDefaultAsync(cancellationToken);
        if (comment is null)
        {
            // Hidden again before the work ran: nobody is told (if it is approved later, that queues the work anew).
            return;
        }
        var reasons = await ReasonsAsync(comment.Id, comment.ArticleId, comment.ParentId, comment.RootId, comment.BodyMarkdown, cancellationToken);
        if (comment.AuthorUserId is { } self)
        {
            reasons.Remove(self);
        }
        var muted = await db.StorySubscriptions.AsNoTracking()
            .Where(s => s.ArticleId == comment.ArticleId && s.Mode == SubscriptionMode.Mute).Select(s => s.UserId)
            .ToListAsync(cancellationToken);
        foreach (var userId in muted)
        {
            reasons.Remove(userId);
        }
        if (reasons.Count == 0)
        {
            return;
        }

        var ids = reasons.Keys.ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        using var _ = await writeGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var already = await db.Notifications.Where(n => n.CommentId == comment.Id).Select(n => n.UserId).ToListAsync(cancellationToken);
        var added = new List<Notification>();
        foreach (var user in users.Where(u => !already.Contains(u.Id)))
        {
            if (NotificationRules.Choose(user, reasons[user.Id]) is not { } kind)
            {
                continue;
            }
            added.Add(new Notification
            {
                UserId = user.Id,
                Kind = kind,
                CommentId = comment.Id,
                ArticleId = comment.ArticleId,
                CreatedAt = now,
                Email = NotificationRules.MayEmail(user),
            });
        }
        db.Notifications.AddRange(added);
        foreach (var notice in added.Where(n => n.Email))
        {
            await NotificationMail.ScheduleAsync(db, notice.UserId, notice.ArticleId, notice.Kind, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Every account with a reason to hear of the comment, with all its reasons.</summary>
    private async Task<Dictionary<string, List<NotificationKind>>> ReasonsAsync(
        long commentId, int articleId, long? parentId, long? rootId, string body, CancellationToken cancellationToken)
    {
        var reasons = new Dictionary<string, List<NotificationKind>>(StringComparer.Ordinal);
        void Add(string? userId, NotificationKind kind)
        {
            if (userId is null)
            {
                return;
            }
            if (!reasons.TryGetValue(userId, out var kinds))
            {
                reasons[userId] = kinds = [];
            }
            kinds.Add(kind);
        }

        var visible = db.Comments.AsNoTracking().Where(c => c.ArticleId == articleId && c.Status == CommentStatus.Approved && c.AuthorUserId != null);
        if (parentId is { } parent)
        {
            Add(await visible.Where(c => c.Id == parent).Select(c => c.AuthorUserId).FirstOrDefaultAsync(cancellationToken), NotificationKind.Reply);
        }

        if (body.Contains('@', StringComparison.Ordinal))
        {
            var commenters = await visible.Where(c => c.Id != commentId)
                .Select(c => new { c.AuthorUserId, c.AuthorName }).Distinct().ToListAsync(cancellationToken);
            var candidates = commenters.Select(c => new Mentions.Candidate(c.AuthorUserId!, c.AuthorName)).ToList();
            foreach (var userId in Mentions.Find(body, candidates))
            {
                Add(userId, NotificationKind.Mention);
            }
        }

        // A thread is an inline-feedback thread when its root responds to a passage.
        if (rootId is { } root && await db.CommentAnchors.AnyAsync(a => a.CommentId == root, cancellationToken))
        {
            var participants = await visible.Where(c => (c.Id == root || c.RootId == root) && c.Id != commentId)
                .Select(c => c.AuthorUserId).Distinct().ToListAsync(cancellationToken);
            foreach (var userId in participants)
            {
                Add(userId, NotificationKind.Passage);
            }
        }

        foreach (var userId in await db.StorySubscriptions.AsNoTracking()
                     .Where(s => s.ArticleId == articleId && s.Mode == SubscriptionMode.Follow).Select(s => s.UserId)
                     .ToListAsync(cancellationToken))
        {
            Add(userId, NotificationKind.Following);
        }

        var writers = db.Articles.Where(a => a.Id == articleId).SelectMany(a => a.Bylines.Select(b => (int?)b.WriterId));
        foreach (var userId in await db.Users.AsNoTracking().Where(u => writers.Contains(u.WriterId)).Select(u => u.Id)
                     .ToListAsync(cancellationToken))
        {
            Add(userId, NotificationKind.OnMyStory);
        }
        return reasons;
    }
}
