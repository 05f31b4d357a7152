using Byline.Data;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Admin;

/// <summary>One account: its roles, lockout and writer page, with the admin's actions on each.</summary>
public sealed class UserModel(BylineDbContext db, UserAdministration administration, SiteSettingsStore settings, TimeProvider time) : PageModel
{
    public sealed record AccountView(
        string Id, string DisplayName, string? Email, DateTimeOffset CreatedAt, bool Confirmed, bool MustChangePassword,
        DateTimeOffset? LockedUntil, string? WriterSlug, string? WriterName, int LiveTokens, IReadOnlyList<string> Roles);

    public AccountView Account { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Why the last action was refused, shown at the top of the page.</summary>
    public string? Error { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddRoleAsync(string id, string? role, CancellationToken cancellationToken) =>
        await RespondAsync(id, await administration.AddRoleAsync(id, role ?? "", cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRemoveRoleAsync(string id, string? role, CancellationToken cancellationToken) =>
        await RespondAsync(id, await administration.RemoveRoleAsync(id, role ?? "", cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostLockAsync(string id, CancellationToken cancellationToken) =>
        await RespondAsync(id, await administration.LockAsync(id, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken) =>
        await RespondAsync(id, await administration.UnlockAsync(id, cancellationToken), cancellationToken);

    /// <summary>Done: back to the page (post/redirect/get) with a note. Refused or invalid: the page again, with the reason.</summary>
    private async Task<IActionResult> RespondAsync(string id, UserAdministration.Outcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome.Result)
        {
            case UserAdministration.Result.Done:
                Status = outcome.Message;
                return RedirectToPage(new { id });
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
                Response.StatusCode = outcome.Result == UserAdministration.Result.Invalid
                    ? StatusCodes.Status400BadRequest
                    : StatusCodes.Status409Conflict;
                return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var found = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.CreatedAt, u.EmailConfirmed, u.MustChangePassword, u.LockoutEnd,
                Writer = db.Writers.Where(w => w.Id == u.WriterId).Select(w => new { w.Slug, w.DisplayName }).FirstOrDefault(),
                LiveTokens = db.ApiTokens.Count(t => t.UserId == u.Id && t.RevokedAt == null),
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }
        Zone = (await settings.GetAsync(cancellationToken)).Zone;
        Account = new AccountView(
            found.Id, found.DisplayName, found.Email, found.CreatedAt, found.EmailConfirmed, found.MustChangePassword,
            found.LockoutEnd > time.GetUtcNow() ? found.LockoutEnd : null,
            found.Writer?.Slug, found.Writer?.DisplayName, found.LiveTokens, AccountRoles.Ordered(found.Roles.OfType<string>()));
        return true;
    }
}
