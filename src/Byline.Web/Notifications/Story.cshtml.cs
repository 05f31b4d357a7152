using Byline.Data;
using Byline.Data.Notifications;
using Byline.Web.Accounts;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Byline.Web.Notifications;

/// <summary>Follow, mute or clear one story's discussion without JavaScript (the story page's script does the same in place).</summary>
public sealed class StorySubscriptionModel(BylineDbContext db, CurrentUser me, WriteGate writeGate, TimeProvider time) : PageModel
{
    public Subscriptions.Story Story { get; private set; } = null!;
    public SubscriptionMode? Mode { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await Subscriptions.FindStoryAsync(db, slug, cancellationToken) is not { } story)
        {
            return NotFound();
        }
        Story = story;
        Mode = await Subscriptions.GetAsync(db, me.Id!, story.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string? mode, CancellationToken cancellationToken)
    {
        if (await Subscriptions.FindStoryAsync(db, slug, cancellationToken) is not { } story)
        {
            return NotFound();
        }
        if (!Subscriptions.TryParse(mode, out var chosen))
        {
            return BadRequest();
        }
        await Subscriptions.SetAsync(db, writeGate, me.Id!, story.Id, chosen, time.GetUtcNow(), cancellationToken);
        Status = chosen switch
        {
            SubscriptionMode.Follow => "You follow this discussion: every new comment will be in your notifications.",
            SubscriptionMode.Mute => "This discussion is muted: you will hear nothing from it.",
            _ => "You no longer follow this discussion. Replies to your comments still reach you.",
        };
        return RedirectToPage(new { slug });
    }
}
