using Byline.Data;
using Byline.Web.Articles;
using Byline.Data.Articles;
using Byline.Data.Comments;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Byline.Web.InlineFeedback;
using Byline.Web.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments;

/// <summary>
/// The write path of a comment, shared by the HTML form and the JSON API:
/// refuse banned accounts and floods → validate → check the passage (inline feedback) or resolve the parent → the
/// moderation checks decide approved or held → one transaction (insert, reasons, audit, counter if visible) → evict
/// the story's cached pages.
/// </summary>
public sealed class CommentPosting(
    BylineDbContext db,
    CommentRenderer renderer,
    SiteSettingsStore settings,
    PageCache cache,
    WriteGate writeGate,
    PassageAnchoring anchoring,
    SubmitChecks checks,
    CommentRateLimits rateLimits,
    TimeProvider time)
{
    public sealed record Posted(Comment Comment, Article Article, string SectionSlug);

    /// <param name="author">The signed-in author, or null for a guest (who gives a name and maybe an email).</param>
    public async Task<(Posted? Posted, CommentError? Error)> PostAsync(
        string articleSlug, CommentSubmission submission, CommentAuthor? author, SubmitSignals signals, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Published()
            .Where(a => a.Slug == articleSlug)
            .Select(a => new { Article = a, SectionSlug = a.Section.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return (null, CommentError.ArticleNotFound);
        }
        if (!article.Article.AreCommentsOpen())
        {
            return (null, CommentError.CommentsClosed);
        }
        var snapshot = await settings.GetAsync(cancellationToken);
        var site = snapshot.Settings;
        if (author is null && !site.GuestCommentsAllowed)
        {
            return (null, CommentError.GuestsNotAllowed);
        }
        if (author is not null && await AuthorStanding.BannedUntilAsync(db, author.UserId, time.GetUtcNow(), cancellationToken) is { } until)
        {
            return (null, CommentError.Banned(until, t => NewsDate.DateAndTime(t, snapshot.Zone)));
        }
        if (rateLimits.TryPost(author?.UserId, signals.ClientAddress) is { } wait)
        {
            return (null, CommentError.RateLimited(wait));
        }
        if (author is not null)
        {
            // An account comments under its own name; whatever name or email the client sent is not used.
            submission = submission with { AuthorName = author.DisplayName, AuthorEmail = null };
        }

        var (clean, error) = CommentRules.Validate(submission);
        if (error is not null)
        {
            return (null, error);
        }

        var now = time.GetUtcNow();
        var comment = new Comment
        {
            ArticleId = article.Article.Id,
            AuthorUserId = author?.UserId,
            AuthorName = clean!.AuthorName,
            AuthorEmail = clean.AuthorEmail,
            BodyMarkdown = clean.Body,
            BodyHtml = renderer.Render(clean.Body),
            CreatedAt = now,
            StatusChangedAt = now,
        };

        if (submission.Anchor is { } anchor)
        {
            if (submission.ParentId is not null)
            {
                return (null, AnchorError.OnReply);
            }
            var story = new PassageAnchoring.Story(article.Article.Id, article.Article.Revision, article.Article.BodyHtml);
            (comment.Anchor, var anchorError) = await anchoring.AnchorAsync(db, story, anchor, cancellationToken);
            if (anchorError is not null)
            {
                return (null, anchorError);
            }
        }

        if (submission.ParentId is { } parentId)
        {
            var parent = await db.Comments.AsNoTracking()
                .Where(c => c.Id == parentId && c.ArticleId == article.Article.Id && c.Status == CommentStatus.Approved)
                .Select(c => new CommentThreads.ParentInfo(c.Id, c.ParentId, c.RootId, c.Depth))
                .FirstOrDefaultAsync(cancellationToken);
            if (parent == default)
            {
                return (null, CommentError.ParentNotFound);
            }
            (comment.ParentId, var rootId, comment.Depth) = CommentThreads.Attach(parent, site.MaxThreadDepth);
            comment.RootId = rootId;
        }

        var verdict = await checks.RunAsync(
            new SubmitChecks.Subject(clean.Body, author?.UserId, author?.IsStaff == true, article.Article.Language), signals, site, cancellationToken);
        verdict.ApplyTo(comment);
        var visible = comment.Status == CommentStatus.Approved;

        using (await writeGate.EnterAsync(db, cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Comments.Add(comment);
            if (comment.Anchor is not null && await db.Articles.Where(a => a.Id == article.Article.Id).Select(a => a.Revision)
                    .FirstAsync(cancellationToken) != article.Article.Revision)
            {
                // The story was edited since the passage was checked: re-anchor it along with the others.
                PassageReanchoring.Enqueue(db, article.Article.Id, time.GetUtcNow());
            }
            await db.SaveChangesAsync(cancellationToken);
            if (visible)
            {
                Live.DiscussionEvents.Record(db, article.Article.Id, comment.Id, Byline.Data.Live.DiscussionEventKind.Added, now);
                Notifications.CommentNotices.Enqueue(db, comment.Id, now);
                await db.SaveChangesAsync(cancellationToken);
                await CommentMoves.UpdateCountersAsync(db, [(article.Article.Id, comment.Anchor is not null, 1)], cancellationToken);
            }
            else
            {
                db.CommentDecisions.Add(verdict.Decision(comment, now)!);
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }

        if (visible)
        {
            // Fronts show comment counts too.
            cache.EvictStory(article.Article.Id);
        }
        return (new Posted(comment, article.Article, article.SectionSlug), null);
    }
}
