using Byline.Data;
using Byline.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Admin;

/// <summary>The confirmation step before an account is deleted: what goes (the account, its tokens) and what stays.</summary>
public sealed class DeleteUserModel(BylineDbContext db, UserAdministration administration, CurrentUser me) : PageModel
{
    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string? Email { get; private set; }
    public int CommentCount { get; private set; }
    public bool IsSelf => Id == me.Id;
    public string? Error { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var outcome = await administration.DeleteAsync(id, cancellationToken);
        switch (outcome.Result)
        {
            case UserAdministration.Result.Done:
                Status = outcome.Message;
                return Redirect(AdminPaths.UserList);
            case UserAdministration.Result.NotFound:
                return NotFound();
            case UserAdministration.Result.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            default:
                if (!await LoadAsync(id, cancellationToken))
                {
                    return NotFound();
                }
                Error = outcome.Message;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var found = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Id, u.DisplayName, u.Email, Comments = db.Comments.Count(c => c.AuthorUserId == u.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }
        (Id, DisplayName, Email, CommentCount) = (found.Id, found.DisplayName, found.Email, found.Comments);
        return true;
    }
}
