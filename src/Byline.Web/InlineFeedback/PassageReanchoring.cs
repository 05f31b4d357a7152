using Byline.Core.Anchoring;
using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Byline.Web.Hosting.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.InlineFeedback;

/// <summary>
/// Brings every passage of a story up to its current text after an edit, and marks the feedback that a correction
/// addressed. Queued by every save of a story and by every correction; idempotent, since it only moves passages whose
/// resolved revision is behind the story's, so running it twice (or on two nodes) changes nothing the second time.
/// </summary>
public sealed class PassageReanchoring(
    BylineDbContext db, WriteGate writeGate, RevisionTexts texts, PageCache cache, TimeProvider time, ILogger<PassageReanchoring> logger) : IOutboxHandler
{
    public const string MessageKind = "passages.reanchor";

    public sealed record Message(int ArticleId);

    public string Kind => MessageKind;

    public static void Enqueue(BylineDbContext db, int articleId, DateTimeOffset now) =>
        Outbox.Enqueue(db, MessageKind, new Message(articleId), now);

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var articleId = Outbox.Read<Message>(payload).ArticleId;
        bool changed;
        using (await writeGate.EnterAsync(db, cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            changed = await UpdateAsync(articleId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (changed)
        {
            cache.EvictStory(articleId);
        }
    }

    /// <returns>Whether anything readers see changed.</returns>
    private async Task<bool> UpdateAsync(int articleId, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
            .Select(a => new { a.Revision, a.BodyHtml }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return false;
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var moved = await ReanchorAsync(articleId, article.Revision, StoryText.Of(article.BodyHtml), cancellationToken);
        if (moved > 0)
        {
            logger.LogInformation("Re-anchored {Count} passages of story {Id} to revision {Revision} in {Elapsed:F0} ms",
                moved, articleId, article.Revision, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var addressed = await MarkAddressedAsync(articleId, cancellationToken);
        if (moved + addressed == 0)
        {
            return false;
        }
        await db.SaveChangesAsync(cancellationToken);
        // The story page shows highlights and "addressed" notes: its rendered fragments are keyed by the version.
        await db.Articles.Where(a => a.Id == articleId)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        return true;
    }

    /// <returns>How many passages changed.</returns>
    private async Task<int> ReanchorAsync(int articleId, int revision, string text, CancellationToken cancellationToken)
    {
        var behind = await db.CommentAnchors
            .Where(a => a.ArticleId == articleId && a.ResolvedRevision < revision && a.Outcome != AnchorOutcome.Orphaned)
            .ToListAsync(cancellationToken);
        foreach (var group in behind.GroupBy(a => a.ResolvedRevision))
        {
            var oldText = await texts.AtAsync(db, articleId, group.Key, cancellationToken);
            var edit = oldText is null || oldText == text ? null : TextEdit.Between(oldText, text);
            foreach (var anchor in group)
            {
                Apply(anchor, Resolve(anchor, oldText, text, edit), revision, text);
            }
        }
        return behind.Count;
    }

    private static Reanchored Resolve(CommentAnchor anchor, string? oldText, string text, TextEdit? edit)
    {
        if (oldText is not null && TextAnchors.IsAt(oldText, anchor.CurrentStart, anchor.CurrentEnd, anchor.CurrentQuote))
        {
            return edit is null
                ? new Reanchored(AnchorOutcome.Kept, anchor.CurrentStart, anchor.CurrentEnd, 1, false)
                : edit.Reanchor(TextAnchors.At(oldText, anchor.CurrentStart, anchor.CurrentEnd));
        }
        // The revision's text is gone or does not read as recorded: only an exact, unambiguous find is safe.
        var found = TextAnchors.Find(text, anchor.CurrentQuote, anchor.Prefix, anchor.Suffix, anchor.CurrentStart);
        return found is { } f
            ? new Reanchored(f.Start == anchor.CurrentStart ? AnchorOutcome.Kept : AnchorOutcome.Moved, f.Start, f.End, 0.9, false)
            : new Reanchored(AnchorOutcome.Orphaned, 0, 0, 0, true);
    }

    private static void Apply(CommentAnchor anchor, Reanchored result, int revision, string text)
    {
        if (result.Touched && anchor.EditedAtRevision is null)
        {
            // The edit that changed the words came after the last revision the passage was resolved on.
            anchor.EditedAtRevision = anchor.ResolvedRevision + 1;
        }
        anchor.Outcome = result.Outcome;
        anchor.Confidence = result.Confidence;
        anchor.ResolvedRevision = revision;
        if (result.Outcome != AnchorOutcome.Orphaned)
        {
            anchor.CurrentStart = result.Start;
            anchor.CurrentEnd = result.End;
            anchor.CurrentQuote = text[result.Start..result.End];
        }
    }

    /// <summary>
    /// Feedback whose passage was changed by an edit is addressed by the first correction published at or after that
    /// edit's revision. Its author is told, by a message of its own so that a mail failure retries only the mail.
    /// </summary>
    private async Task<int> MarkAddressedAsync(int articleId, CancellationToken cancellationToken)
    {
        var open = await db.CommentAnchors
            .Where(a => a.ArticleId == articleId && a.EditedAtRevision != null && a.AddressedByCorrectionId == null)
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return 0;
        }
        var corrections = await db.ArticleCorrections.AsNoTracking()
            .Where(c => c.ArticleId == articleId && c.Revision != null)
            .OrderBy(c => c.Revision).ThenBy(c => c.Id)
            .Select(c => new { c.Id, Revision = c.Revision!.Value, c.CreatedAt })
            .ToListAsync(cancellationToken);
        var addressed = 0;
        foreach (var anchor in open)
        {
            var correction = corrections.FirstOrDefault(c => c.Revision >= anchor.EditedAtRevision);
            if (correction is null)
            {
                continue;
            }
            anchor.AddressedByCorrectionId = correction.Id;
            anchor.AddressedAt = correction.CreatedAt;
            FeedbackAddressedNotice.Enqueue(db, anchor.CommentId, correction.Id, time.GetUtcNow());
            addressed++;
        }
        return addressed;
    }
}
