using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Accounts;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments;

/// <summary>Editing one's own comment without JavaScript: the text in a form, while the site's edit window is open.</summary>
public sealed class EditModel(BylineDbContext db, CommentEditing editing, CurrentUser user, SiteSettingsStore settings, TimeProvider time) : PageModel
{
    public Comment? Comment { get; private set; }
    public string StoryHeadline { get; private set; } = "";
    public string StoryPath { get; private set; } = "";
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public DateTimeOffset? EditableUntil { get; private set; }

    /// <summary>Why the form is not offered (a guest, a closed window, a comment past editing); null when it is.</summary>
    public string? Notice { get; private set; }

    public CommentError? Error { get; private set; }

    [BindProperty]
    public string? Body { get; set; }

    public bool IsGuest => !user.IsSignedIn;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (IsGuest)
        {
            Notice = "Guests cannot edit comments. Sign in to edit the comments you posted with your account.";
            return Page();
        }
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Body = Comment!.BodyMarkdown;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (IsGuest)
        {
            return Challenge();
        }
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Notice is not null)
        {
            return Page();
        }
        var (edited, error) = await editing.EditAsync(id, CommentAuthor.Of(user)!, Body, SubmitSignals.Of(HttpContext), cancellationToken);
        if (error is not null)
        {
            Hosting.Problems.AddHeaders(Response, error);
            Response.StatusCode = error.Status;
            if (error.Field is null)
            {
                Notice = error.Message;
            }
            Error = error;
            return Page();
        }
        if (edited!.Comment.Status == CommentStatus.Approved)
        {
            return Redirect($"{edited.StoryPath}#{ArticlePaths.CommentAnchor(id)}");
        }
        TempData["Status"] = edited.Changed
            ? "Your edit is saved. A moderator will look at the comment before it is shown again."
            : "Your comment is unchanged.";
        return Redirect(CommentPages.Mine);
    }

    /// <summary>The reader's own comment, and whether it can be edited now (<see cref="Notice"/> says why not).</summary>
    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var found = await CommentInStory.Published(db.Comments.AsNoTracking()
                .Where(c => c.Id == id && c.AuthorUserId == user.Id && c.Status != CommentStatus.Deleted), db)
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }
        (Comment, StoryHeadline, StoryPath) = (found.Comment, found.Headline, found.StoryPath);
        var snapshot = await settings.GetAsync(cancellationToken);
        Zone = snapshot.Zone;
        var window = snapshot.Settings.EditWindowMinutes;
        EditableUntil = CommentEditing.EditableUntil(found.Comment, window);
        var refusal = found.Comment.Status is not (CommentStatus.Approved or CommentStatus.Pending) ? CommentEditing.NotEditable
            : !CommentEditing.CanBeEdited(found.Comment, window, time.GetUtcNow()) ? CommentEditing.WindowClosed(EditableUntil, t => NewsDate.DateAndTime(t, Zone))
            : null;
        if (refusal is not null)
        {
            Notice = refusal.Message;
            Response.StatusCode = refusal.Status;
        }
        return true;
    }
}
