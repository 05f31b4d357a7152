using Byline.Data;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Admin;

/// <summary>The audit log, newest first, keyset-paged; filtered by action prefix ("article.", "user.") or by exact target.</summary>
public sealed class AuditModel(BylineDbContext db, SiteSettingsStore settings) : PageModel
{
    public const int PageSize = 50;
    public const int MaxFilterLength = 120;

    /// <summary>Quick filters: the families of actions the log holds.</summary>
    public static readonly IReadOnlyList<(string Prefix, string Label)> Families =
        [("article.", "Stories"), ("user.", "Accounts"), ("token.", "API tokens")];

    public sealed record Row(long Id, DateTimeOffset At, string ActorName, string Action, string Target, string Detail, string? TargetUserId, string? TargetUserName);

    public string Prefix { get; private set; } = "";
    public string Target { get; private set; } = "";
    public bool IsLaterPage { get; private set; }
    public IReadOnlyList<Row> Entries { get; private set; } = [];
    public string? OlderHref { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(string? prefix, string? target, string? before, CancellationToken cancellationToken)
    {
        Prefix = Clip(prefix);
        Target = Clip(target);
        Zone = (await settings.GetAsync(cancellationToken)).Zone;

        var entries = db.AuditEntries.AsNoTracking();
        if (Prefix.Length > 0)
        {
            entries = entries.Where(e => e.Action.StartsWith(Prefix));
        }
        if (Target.Length > 0)
        {
            entries = entries.Where(e => e.Target == Target);
        }
        if (KeysetCursor.TryParse(before, out var cursor))
        {
            IsLaterPage = true;
            entries = entries.Where(e => e.At < cursor.At || (e.At == cursor.At && e.Id < cursor.Id));
        }
        var rows = await entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        var page = rows.Take(PageSize).ToList();

        // Accounts named as targets, by their current names (a deleted account has none; its entry's detail names it).
        var userIds = page.Select(e => UserIdOf(e.Target)).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Entries = page.Select(e =>
        {
            var userId = UserIdOf(e.Target);
            return new Row(e.Id, e.At, e.ActorName, e.Action, e.Target, e.Detail, userId,
                userId is not null && names.TryGetValue(userId, out var name) ? name : null);
        }).ToList();
        if (rows.Count > PageSize)
        {
            OlderHref = AdminPaths.Audit(Prefix, Target, new KeysetCursor(page[^1].At, page[^1].Id).ToString());
        }
        return Page();
    }

    private static string? UserIdOf(string target) =>
        target.StartsWith("user:", StringComparison.Ordinal) && target.Length > "user:".Length ? target["user:".Length..] : null;

    private static string Clip(string? value)
    {
        var trimmed = (value ?? "").Trim();
        return trimmed.Length > MaxFilterLength ? trimmed[..MaxFilterLength] : trimmed;
    }
}
