using Byline.Data;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Admin;

/// <summary>Every account, newest first, searchable by email or name; two queries a page (accounts, then their roles).</summary>
public sealed class UsersModel(BylineDbContext db, SiteSettingsStore settings, TimeProvider time) : PageModel
{
    public const int PageSize = 25;
    public const int MaxQueryLength = 254;

    public sealed record Row(
        string Id, string DisplayName, string? Email, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, bool Confirmed, bool Locked);

    public string Query { get; private set; } = "";
    public bool IsLaterPage { get; private set; }
    public IReadOnlyList<Row> Users { get; private set; } = [];
    public string? NextHref { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string? q, string? after, CancellationToken cancellationToken)
    {
        Query = (q ?? "").Trim();
        if (Query.Length > MaxQueryLength)
        {
            Query = Query[..MaxQueryLength];
        }
        Zone = (await settings.GetAsync(cancellationToken)).Zone;

        var accounts = db.Users.AsNoTracking();
        if (Query.Length > 0)
        {
            // Emails are stored upper-cased for lookups; names are compared upper-cased the same way, by the database.
            var upper = Query.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper(): no .NET culture or comparison is involved.
            accounts = accounts.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.ToUpper().Contains(upper));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (UserCursor.TryParse(after, out var cursor))
        {
            IsLaterPage = true;
            accounts = accounts.Where(u => u.CreatedAt < cursor.CreatedAt
                || (u.CreatedAt == cursor.CreatedAt && u.Id.CompareTo(cursor.Id) < 0));
        }
        var rows = await accounts
            .OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id)
            .Take(PageSize + 1)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.CreatedAt, u.EmailConfirmed, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var page = rows.Take(PageSize).ToList();
        var ids = page.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name!);
        var now = time.GetUtcNow();
        Users = page.Select(u => new Row(
                u.Id, u.DisplayName, u.Email, AccountRoles.Ordered(roles[u.Id]), u.CreatedAt, u.EmailConfirmed, u.LockoutEnd > now))
            .ToList();
        if (rows.Count > PageSize)
        {
            var last = page[^1];
            var next = new UserCursor(last.CreatedAt, last.Id).ToString();
            NextHref = AdminPaths.Users(Query, next);
        }
        return Page();
    }
}
