using Byline.Data;
using Byline.Web.Accounts;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Notifications;

/// <summary>What an account is told about, and whether by email too.</summary>
public sealed class SettingsModel(BylineDbContext db, CurrentUser me, WriteGate writeGate) : PageModel
{
    [BindProperty]
    public bool NotifyOnReply { get; set; }

    [BindProperty]
    public bool NotifyOnMention { get; set; }

    [BindProperty]
    public bool NotifyOnPassage { get; set; }

    [BindProperty]
    public bool NotifyOnMyStories { get; set; }

    [BindProperty]
    public bool EmailNotifications { get; set; }

    /// <summary>Only accounts with a writer page have stories of their own to hear about.</summary>
    public bool IsWriter { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == me.Id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }
        (NotifyOnReply, NotifyOnMention, NotifyOnPassage, NotifyOnMyStories, EmailNotifications) =
            (user.NotifyOnReply, user.NotifyOnMention, user.NotifyOnPassage, user.NotifyOnMyStories, user.EmailNotifications);
        IsWriter = user.WriterId is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await db.Users.Where(u => u.Id == me.Id).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.NotifyOnReply, NotifyOnReply)
                .SetProperty(x => x.NotifyOnMention, NotifyOnMention)
                .SetProperty(x => x.NotifyOnPassage, NotifyOnPassage)
                .SetProperty(x => x.NotifyOnMyStories, NotifyOnMyStories)
                .SetProperty(x => x.EmailNotifications, EmailNotifications), cancellationToken);
        }
        Status = "Your notification settings are saved.";
        return RedirectToPage();
    }
}
