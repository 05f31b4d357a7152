using Byline.Data;
using Byline.Web.Accounts;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Byline.Web.Notifications;

/// <summary>The signed-in reader's notices, newest first, with forms to mark one or all read (no script needed).</summary>
public sealed class IndexModel(BylineDbContext db, CurrentUser me, WriteGate writeGate, SiteSettingsStore settings, TimeProvider time) : PageModel
{
    public NotificationList.Page List { get; private set; } = new([], null);
    public int Unread { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string? before, CancellationToken cancellationToken)
    {
        long? cursor = null;
        if (before is not null)
        {
            if (!long.TryParse(before, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                return BadRequest();
            }
            cursor = id;
        }
        Zone = (await settings.GetAsync(cancellationToken)).Zone;
        List = await NotificationList.LoadAsync(db, me.Id!, cursor, NotificationList.DefaultSize, cancellationToken);
        Unread = await NotificationList.UnreadAsync(db, me.Id!, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        // Only the reader's own notices are touched: another's id marks nothing.
        await NotificationList.MarkReadAsync(db, writeGate, me.Id!, [id], time.GetUtcNow(), cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var marked = await NotificationList.MarkReadAsync(db, writeGate, me.Id!, null, time.GetUtcNow(), cancellationToken);
        Status = marked == 1 ? "1 notification marked read." : $"{marked} notifications marked read.";
        return RedirectToPage();
    }
}
