using Byline.Data;
using Byline.Data.Accounts;
using Byline.Web.Accounts;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Moderation;

/// <summary>Banning a commenter from the queue: for a day, a week, a month or for good, optionally hiding all they posted.</summary>
public sealed class BanModel(BylineDbContext db, Bans bans, CurrentUser me, SiteSettingsStore settings, TimeProvider time) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Label)> Durations =
        [("1", "1 day"), ("7", "7 days"), ("30", "30 days"), ("permanent", "Permanently")];

    public BylineUser Account { get; private set; } = null!;
    public ModerationQueues.AuthorHistory History { get; private set; } = ModerationQueues.AuthorHistory.Guest;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public string? Error { get; private set; }
    public bool IsBanned { get; private set; }

    [BindProperty]
    public string? Duration { get; set; } = "7";

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool HideComments { get; set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string userId, CancellationToken cancellationToken) =>
        await LoadAsync(userId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string userId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(userId, cancellationToken))
        {
            return NotFound();
        }
        var reason = ModerationApi.Clean(Reason);
        DateTimeOffset? until = Duration switch
        {
            "permanent" => BylineUser.PermanentBan,
            "1" or "7" or "30" => time.GetUtcNow().AddDays(int.Parse(Duration, System.Globalization.CultureInfo.InvariantCulture)),
            _ => null,
        };
        if (until is null || reason is null || reason.Length > Bans.MaxReasonLength)
        {
            Error = until is null ? "Choose how long the ban lasts." : $"Give a reason (at most {Bans.MaxReasonLength} characters); it is kept in the audit log.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var (outcome, hidden) = await bans.BanAsync(userId, until.Value, reason, HideComments, ModerationApi.Actor(me), cancellationToken);
        if (outcome == Bans.Outcome.Staff)
        {
            Error = "Staff accounts are not banned from here: change their roles in the admin area.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        Status = $"{Account.DisplayName} is banned {(until == BylineUser.PermanentBan ? "permanently" : "until " + Articles.NewsDate.DateAndTime(until.Value, Zone))}."
            + (HideComments ? $" {hidden} comment{(hidden == 1 ? " was" : "s were")} hidden." : "");
        return Redirect(ModerationPaths.Queue);
    }

    public async Task<IActionResult> OnPostLiftAsync(string userId, CancellationToken cancellationToken)
    {
        if (await bans.LiftAsync(userId, ModerationApi.Actor(me), cancellationToken) != Bans.Outcome.Lifted)
        {
            return NotFound();
        }
        Status = "The ban is lifted.";
        return Redirect(ModerationPaths.Ban(userId));
    }

    private async Task<bool> LoadAsync(string userId, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (account is null)
        {
            return false;
        }
        Account = account;
        IsBanned = account.IsBanned(time.GetUtcNow());
        History = (await ModerationQueues.HistoriesAsync(db, [userId], cancellationToken))[userId];
        Zone = (await settings.GetAsync(cancellationToken)).Zone;
        return true;
    }
}
