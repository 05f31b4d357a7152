using Byline.Data;
using Byline.Data.Comments;
using Byline.Data.Live;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Byline.Web.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments;

/// <summary>
/// An author edits their own comment while the site's edit window is open: the old text goes to the history
/// moderators read, the new text passes the same rules and checks as a new post, and a text the checks would hold
/// takes the comment out of view until a moderator decides. A new revision makes decisions on the old one stale.
/// </summary>
public sealed class CommentEditing(
    BylineDbContext db,
    CommentRenderer renderer,
    SiteSettingsStore settings,
    PageCache cache,
    WriteGate writeGate,
    SubmitChecks checks,
    CommentRateLimits rateLimits,
    TimeProvider time)
{
    /// <param name="Changed">False when the text was the same: nothing was stored.</param>
    public sealed record Edited(Comment Comment, string StoryPath, bool Changed);

    public static CommentError NotFound { get; } = new(404, "comment-not-found", "There is no such comment of yours.");
    public static CommentError NotEditable { get; } = new(409, "not-editable", "This comment can no longer be edited.");
    public static CommentError Conflict { get; } = new(409, "edit-conflict", "The comment changed while you were editing it. Reload it and try again.");

    public static CommentError WindowClosed(DateTimeOffset? closedAt, Func<DateTimeOffset, string> describe) => closedAt is { } at
        ? new(403, "edit-window-closed", $"Comments can be edited for a while after posting; this one could be edited until {describe(at)}.") { Until = at }
        : new(403, "edit-window-closed", "Comments cannot be edited on this site.");

    /// <summary>Until when a comment may be edited; null when the site allows no edits.</summary>
    public static DateTimeOffset? EditableUntil(Comment comment, int windowMinutes) =>
        windowMinutes <= 0 ? null : comment.CreatedAt.AddMinutes(windowMinutes);

    /// <summary>Whether the author may still change it: visible or awaiting moderation, and inside the window.</summary>
    public static bool CanBeEdited(Comment comment, int windowMinutes, DateTimeOffset now) =>
        comment.Status is CommentStatus.Approved or CommentStatus.Pending
        && EditableUntil(comment, windowMinutes) is { } until && now <= until;

    public async Task<(Edited? Edited, CommentError? Error)> EditAsync(
        long commentId, CommentAuthor author, string? body, SubmitSignals signals, CancellationToken cancellationToken)
    {
        var found = await CommentInStory.Published(db.Comments.AsNoTracking()
                .Where(c => c.Id == commentId && c.AuthorUserId == author.UserId && c.Status != CommentStatus.Deleted), db)
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return (null, NotFound);
        }
        var comment = found.Comment;
        var snapshot = await settings.GetAsync(cancellationToken);
        var site = snapshot.Settings;
        var now = time.GetUtcNow();
        if (comment.Status is not (CommentStatus.Approved or CommentStatus.Pending))
        {
            return (null, NotEditable);
        }
        if (!CanBeEdited(comment, site.EditWindowMinutes, now))
        {
            return (null, WindowClosed(EditableUntil(comment, site.EditWindowMinutes), t => NewsDate.DateAndTime(t, snapshot.Zone)));
        }
        if (await AuthorStanding.BannedUntilAsync(db, author.UserId, now, cancellationToken) is { } until)
        {
            return (null, CommentError.Banned(until, t => NewsDate.DateAndTime(t, snapshot.Zone)));
        }
        var (clean, error) = CommentRules.Validate(new CommentSubmission(body, null, author.DisplayName, null));
        if (error is not null)
        {
            return (null, error);
        }
        if (clean!.Body == comment.BodyMarkdown)
        {
            return (new Edited(comment, found.StoryPath, Changed: false), null);
        }
        if (rateLimits.TryPost(author.UserId, signals.ClientAddress) is { } wait)
        {
            return (null, CommentError.RateLimited(wait));
        }

        var language = await db.Articles.AsNoTracking().Where(a => a.Id == comment.ArticleId).Select(a => a.Language).FirstAsync(cancellationToken);
        // An edit has no form of its own to time or trap bots with: it is judged on what it says, like an API post.
        var verdict = await checks.RunAsync(
            new SubmitChecks.Subject(clean.Body, author.UserId, author.IsStaff, language), signals with { Form = null }, site, cancellationToken);

        Comment stored;
        using (await writeGate.EnterAsync(db, cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            stored = await db.Comments.Include(c => c.Anchor).Include(c => c.Reasons).FirstAsync(c => c.Id == commentId, cancellationToken);
            if (stored.Revision != comment.Revision || stored.Status != comment.Status)
            {
                return (null, Conflict);
            }
            var wasVisible = stored.Status == CommentStatus.Approved;
            Apply(stored, clean.Body, verdict, now);
            var holds = verdict.Status != CommentStatus.Approved;
            if (wasVisible && holds)
            {
                CommentMoves.Apply(db, stored, CommentStatus.Pending, DecisionSource.Checks, ModerationActor.Checks,
                    Shorten("edited: " + string.Join(" ", stored.Reasons), 1000), now);
            }
            else if (wasVisible)
            {
                Live.DiscussionEvents.Record(db, stored.ArticleId, stored.Id, DiscussionEventKind.Changed, now);
            }
            await db.SaveChangesAsync(cancellationToken);
            if (wasVisible)
            {
                await (holds
                    ? CommentMoves.UpdateCountersAsync(db, [(stored.ArticleId, stored.Anchor is not null, -1)], cancellationToken)
                    : CommentMoves.TouchAsync(db, stored.ArticleId, cancellationToken));
            }
            await transaction.CommitAsync(cancellationToken);
        }
        if (comment.Status == CommentStatus.Approved)
        {
            cache.EvictStory(comment.ArticleId);
        }
        return (new Edited(stored, found.StoryPath, Changed: true), null);
    }

    /// <summary>
    /// The new text replaces the old, which joins the history. What the checks found replaces what they found before;
    /// readers' flags and an appeal stay, they are about the comment rather than its wording.
    /// </summary>
    private void Apply(Comment comment, string body, SubmitChecks.Verdict verdict, DateTimeOffset now)
    {
        db.CommentEdits.Add(new CommentEdit
        {
            CommentId = comment.Id,
            Revision = comment.Revision,
            BodyMarkdown = comment.BodyMarkdown,
            WrittenAt = comment.EditedAt ?? comment.CreatedAt,
            ReplacedAt = now,
        });
        comment.BodyMarkdown = body;
        comment.BodyHtml = renderer.Render(body);
        comment.Revision++;
        comment.EditedAt = now;
        var kept = comment.Reasons.Where(r => r.Code is "flagged" or "appeal").ToList();
        var status = comment.Status;
        verdict.ApplyTo(comment);
        // ApplyTo writes a new comment's state; an edit never publishes a held comment by itself.
        comment.Status = status;
        comment.Reasons.AddRange(kept);
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];
}
