using System.Text.Json;
using Byline.Data;
using Byline.Data.Comments;
using Byline.Data.Notifications;
using Byline.Web.Data;
using Byline.Web.Hosting.Email;
using Byline.Web.Hosting.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Notifications;

/// <summary>
/// The mail of one reader's notices about one story. A group's mail goes at most once per
/// <see cref="NotificationRules.MailWindow"/>: the first notice after a quiet period may go at once, later ones are
/// collected into the mail at the end of the window. Sending is at-least-once: the mail goes, then its notices are
/// marked emailed; a crash in between sends it again with the same Message-Id (made of the group and its notices), so
/// a resend is recognizable.
/// </summary>
public sealed class NotificationMail(BylineDbContext db, Mailer mailer, NotificationMailText text, WriteGate writeGate, TimeProvider time) : IOutboxHandler
{
    public const string MessageKind = "notifications.mail";

    public sealed record Group(string UserId, int ArticleId);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => MessageKind;

    /// <summary>
    /// Queues the group's mail (in the caller's unit of work) unless one is already queued to go by then, so a burst
    /// of replies makes one mail, not one per reply.
    /// </summary>
    public static async Task ScheduleAsync(BylineDbContext db, string userId, int articleId, NotificationKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lastMailed = await db.Notifications.Where(n => n.UserId == userId && n.ArticleId == articleId && n.EmailedAt != null)
            .MaxAsync(n => n.EmailedAt, cancellationToken);
        await ScheduleAtAsync(db, new Group(userId, articleId), NotificationRules.MailDue(kind, now, lastMailed), now, cancellationToken);
    }

    private static async Task ScheduleAtAsync(BylineDbContext db, Group group, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(group, Json);
        // Only a mail not yet started counts: one being written now may have read its notices before this one.
        var queued = await db.OutboxMessages.AnyAsync(
            m => m.Kind == MessageKind && m.DoneAt == null && m.Attempts == 0 && m.Payload == payload && m.DueAt <= due, cancellationToken);
        if (!queued)
        {
            Outbox.Enqueue(db, MessageKind, group, now, due);
        }
    }

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var reader = Outbox.Read<Group>(payload);
        var now = time.GetUtcNow();
        var pending = await (
                from n in db.Notifications.AsNoTracking()
                join c in db.Comments.AsNoTracking() on n.CommentId equals c.Id
                where n.UserId == reader.UserId && n.ArticleId == reader.ArticleId && n.Email && n.EmailedAt == null
                orderby n.Id
                select new NotificationMailText.Item(n.Id, n.Kind, n.CreatedAt, c.Id, c.AuthorName, c.BodyMarkdown, c.Status == CommentStatus.Approved))
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            // Sent already (a retry, or an earlier mail of the group took these along).
            return;
        }
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == reader.UserId, cancellationToken);
        var muted = await db.StorySubscriptions.AnyAsync(
            s => s.UserId == reader.UserId && s.ArticleId == reader.ArticleId && s.Mode == SubscriptionMode.Mute, cancellationToken);
        var visible = pending.Where(p => p.Visible).ToList();
        if (user is null || !NotificationRules.MayEmail(user) || muted || visible.Count == 0)
        {
            // The reader unsubscribed (or the comments were hidden) since: these notices stay on the site only.
            await StopEmailAsync(pending.Select(p => p.Id).ToList(), cancellationToken);
            return;
        }
        var lastMailed = await db.Notifications.Where(n => n.UserId == reader.UserId && n.ArticleId == reader.ArticleId && n.EmailedAt != null)
            .MaxAsync(n => n.EmailedAt, cancellationToken);
        var due = visible.Select(p => NotificationRules.MailDue(p.Kind, p.CreatedAt, lastMailed)).Min();
        if (due > now)
        {
            // Too early for this group (another mail went within the window, or a digest still collects): come back then.
            await LaterAsync(reader, due, now, cancellationToken);
            return;
        }

        var mail = await text.ComposeAsync(user, reader.ArticleId, visible, cancellationToken);
        if (mail is null)
        {
            await StopEmailAsync(pending.Select(p => p.Id).ToList(), cancellationToken);
            return;
        }
        await mailer.SendAsync(mail, cancellationToken);

        var sent = visible.Select(p => p.Id).ToList();
        var hidden = pending.Where(p => !p.Visible).Select(p => p.Id).ToList();
        using var _ = await writeGate.EnterAsync(db, CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        // Recorded even when the host is stopping: the mail went.
        await db.Notifications.Where(n => sent.Contains(n.Id) && n.EmailedAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.EmailedAt, now), CancellationToken.None);
        await db.Notifications.Where(n => hidden.Contains(n.Id)).ExecuteUpdateAsync(n => n.SetProperty(x => x.Email, false), CancellationToken.None);
        // Notices that arrived while this mail was written found it queued already; they go in the next window.
        if (await db.Notifications.AnyAsync(n => n.UserId == reader.UserId && n.ArticleId == reader.ArticleId && n.Email && n.EmailedAt == null, CancellationToken.None))
        {
            Outbox.Enqueue(db, MessageKind, reader, now, now + NotificationRules.MailWindow);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        await transaction.CommitAsync(CancellationToken.None);
    }

    private async Task StopEmailAsync(List<long> ids, CancellationToken cancellationToken)
    {
        using var _ = await writeGate.EnterAsync(db, cancellationToken);
        await db.Notifications.Where(n => ids.Contains(n.Id) && n.EmailedAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.Email, false), cancellationToken);
    }

    private async Task LaterAsync(Group reader, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var _ = await writeGate.EnterAsync(db, cancellationToken);
        Outbox.Enqueue(db, MessageKind, reader, now, due);
        await db.SaveChangesAsync(cancellationToken);
    }
}
