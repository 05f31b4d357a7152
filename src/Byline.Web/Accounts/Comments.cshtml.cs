using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Articles;
using Byline.Web.Comments;
using Byline.Web.Data;
using Byline.Web.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Accounts;

/// <summary>
/// A reader's own comments, newest first, with where each stands: published, awaiting moderation, or not published
/// with the moderator's reason and a one-time appeal. Readers edit (while the edit window is open) and withdraw a comment here too.
/// </summary>
public sealed class CommentsModel(BylineDbContext db, CurrentUser me, AuthorActions actions, SiteSettingsStore settings, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Comment Comment, string Headline, string StoryPath, string Status, bool Editable);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public KeysetCursor? Next { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public long? ErrorFor { get; private set; }
    public string? Error { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        KeysetCursor? cursor = null;
        if (after is not null)
        {
            if (!KeysetCursor.TryParse(after, out var parsed))
            {
                return BadRequest();
            }
            cursor = parsed;
        }
        await LoadAsync(cursor, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAppealAsync(long id, string? note, CancellationToken cancellationToken)
    {
        var (clean, error) = FlagInput.Note(note, AuthorActions.MaxAppealLength, required: true);
        var outcome = error is null ? await actions.AppealAsync(id, ModerationApi.Actor(me), clean!, cancellationToken) : (AuthorActions.Outcome?)null;
        if (outcome == AuthorActions.Outcome.Done)
        {
            Status = "Your appeal is sent. A moderator will look at the comment again.";
            return RedirectToPage();
        }
        (ErrorFor, Error) = (id, error?.Message ?? (outcome == AuthorActions.Outcome.NotAppealable
            ? "This comment cannot be appealed (only once, and only after a moderator's rejection)."
            : "There is no such comment of yours."));
        Response.StatusCode = outcome == AuthorActions.Outcome.NotFound ? 404 : outcome is null ? 400 : 409;
        await LoadAsync(null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        if (await actions.DeleteAsync(id, ModerationApi.Actor(me), cancellationToken) != AuthorActions.Outcome.Done)
        {
            return NotFound();
        }
        Status = "Your comment is deleted.";
        return RedirectToPage();
    }

    private async Task LoadAsync(KeysetCursor? after, CancellationToken cancellationToken)
    {
        var snapshot = await settings.GetAsync(cancellationToken);
        Zone = snapshot.Zone;
        var now = time.GetUtcNow();
        var query = db.Comments.AsNoTracking().Where(c => c.AuthorUserId == me.Id && c.Status != CommentStatus.Deleted);
        if (after is { } a)
        {
            query = query.Where(c => c.CreatedAt < a.At || (c.CreatedAt == a.At && c.Id < a.Id));
        }
        var rows = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(PageSize + 1)
            .Join(db.Articles, c => c.ArticleId, a => a.Id, (c, a) => new { Comment = c, a.Headline, a.Slug, SectionSlug = a.Section.Slug })
            .ToListAsync(cancellationToken);
        Next = rows.Count > PageSize ? new KeysetCursor(rows[PageSize - 1].Comment.CreatedAt, rows[PageSize - 1].Comment.Id) : null;
        Rows = rows.Take(PageSize).Select(r => new Row(r.Comment, r.Headline, ArticlePaths.Story(r.SectionSlug, r.Slug),
            CommentDto.ForAuthor(r.Comment, "").Status, CommentEditing.CanBeEdited(r.Comment, snapshot.Settings.EditWindowMinutes, now))).ToList();
    }
}
