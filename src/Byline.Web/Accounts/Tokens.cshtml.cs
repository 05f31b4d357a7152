using Byline.Data;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Accounts;

/// <summary>
/// A signed-in person's personal API tokens: create (the secret is shown in this one response and never again), list,
/// revoke. Only the account's own tokens exist here; anyone else's answer 404.
/// </summary>
public sealed class TokensModel(BylineDbContext db, CurrentUser me, TokenIssuing issuing, SiteSettingsStore settings) : PageModel
{
    /// <summary>Live tokens are at most 50; revoked ones are history, and only the latest are listed.</summary>
    public const int ListSize = 100;

    public sealed record Row(long Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    [BindProperty]
    public string? Name { get; set; }

    public string? NameError { get; private set; }

    /// <summary>The token just created, whose secret this response shows once.</summary>
    public ApiTokens.Created? Created { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public IReadOnlyList<Row> Tokens { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var (created, error) = await issuing.IssueAsync(me.Id!, Name, actor: null, cancellationToken);
        if (created is null)
        {
            NameError = error;
            Response.StatusCode = TokenIssuing.CheckName(Name) is null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        }
        else
        {
            Created = created;
            Name = null;
            ModelState.Clear();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        switch (await issuing.RevokeAsync(me.Id!, id, cancellationToken))
        {
            case TokenIssuing.Revocation.NotFound:
                return NotFound();
            case TokenIssuing.Revocation.AlreadyRevoked:
                Status = "That token was already revoked.";
                break;
            default:
                Status = "Token revoked. Programs using it are refused from now on.";
                break;
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // A page that can show a secret must not be kept by any cache, shared or private.
        Response.Headers.CacheControl = "no-store";
        Zone = (await settings.GetAsync(cancellationToken)).Zone;
        Tokens = await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == me.Id)
            .OrderBy(t => t.RevokedAt == null ? 0 : 1).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Take(ListSize)
            .Select(t => new Row(t.Id, t.Name, t.Hint, t.CreatedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
    }
}
