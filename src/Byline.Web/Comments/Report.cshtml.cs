using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Accounts;
using Byline.Web.Articles;
using Byline.Web.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments;

/// <summary>Reporting a comment to the moderators, without JavaScript: signed-in readers only, one report each.</summary>
public sealed class ReportModel(BylineDbContext db, Flags flags, CurrentUser user) : PageModel
{
    public Comment Comment { get; private set; } = null!;
    public string StoryHeadline { get; private set; } = "";
    public string StoryPath { get; private set; } = "";
    public string? Error { get; private set; }
    public bool Done { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!user.IsSignedIn)
        {
            return Challenge();
        }
        var (reason, note, error) = FlagInput.Read(Reason, Note);
        if (error is not null)
        {
            Error = error.Value.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var outcome = await flags.FlagAsync(id, FlagInput.Flagger(user), reason, note, cancellationToken);
        (Error, Response.StatusCode, Done) = outcome switch
        {
            Flags.Outcome.Flagged or Flags.Outcome.Held => ((string?)null, 200, true),
            Flags.Outcome.OwnComment => ("You cannot report your own comment.", 400, false),
            Flags.Outcome.AlreadyFlagged => ("You have reported this comment already. The moderators will look at it.", 409, false),
            Flags.Outcome.Banned => ("Your account may not take part in the discussion at the moment.", 403, false),
            _ => ("This comment is no longer part of the discussion.", 404, false),
        };
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var found = await CommentInStory.Published(db.Comments.AsNoTracking().Where(c => c.Id == id && c.Status == CommentStatus.Approved), db)
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }
        (Comment, StoryHeadline, StoryPath) = (found.Comment, found.Headline, found.StoryPath);
        return true;
    }
}
