using System.Security.Claims;
using Byline.Data.Accounts;

namespace Byline.Web.Accounts;

/// <summary>
/// Who is asking, from the request's principal (cookie or API token). An admin holds every role: role checks go
/// through <see cref="IsIn"/> so that rule lives here only.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;

    public string? Id => IsSignedIn ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The name shown on comments and in the audit log.</summary>
    public string DisplayName => Principal.FindFirstValue(BylineClaims.DisplayName) ?? Principal.Identity?.Name ?? "Guest";

    /// <summary>The writer page of a staff account, if it has one.</summary>
    public int? WriterId => int.TryParse(Principal.FindFirstValue(BylineClaims.WriterId), out var id) ? id : null;

    public bool IsIn(string role) => IsSignedIn && (
        role == Roles.Reader
        || Principal.IsInRole(Roles.Admin)
        || Principal.IsInRole(role));

    public bool IsInAny(params ReadOnlySpan<string> roles)
    {
        foreach (var role in roles)
        {
            if (IsIn(role))
            {
                return true;
            }
        }
        return false;
    }
}
