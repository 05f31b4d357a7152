using Byline.Data;
using Byline.Web.Accounts;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Byline.Web.Moderation;

/// <summary>
/// The moderation queue: one queue at a time, filtered and ordered, each comment with its story, passage, reasons,
/// flags and its author's history. Decisions are forms (one comment, or the checked ones), so the page works without
/// JavaScript; moderation.js adds keyboard shortcuts, in-place decisions and new items as they arrive.
/// </summary>
public sealed class IndexModel(BylineDbContext db, ModeratorDecisions decisions, CurrentUser me, SiteSettingsStore settings) : PageModel
{
    /// <summary>A hundred at a time: "select all" and one key clear a batch.</summary>
    public const int PageSize = 100;

    public ModerationQueues.Page Queue { get; private set; } = null!;
    public ModerationQueues.Name Name { get; private set; }
    public bool OldestFirst { get; private set; }
    public string? Story { get; private set; }
    public string? Reason { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string? queue, string? order, string? story, string? reason, string? after, CancellationToken cancellationToken)
    {
        if (!ModerationQueues.TryParse(queue, out var name) || order is not (null or "" or "newest" or "oldest"))
        {
            return BadRequest();
        }
        KeysetCursor? cursor = null;
        if (!string.IsNullOrEmpty(after))
        {
            if (!KeysetCursor.TryParse(after, out var parsed))
            {
                return BadRequest();
            }
            cursor = parsed;
        }
        (Name, OldestFirst, Story, Reason) = (name, order == "oldest", Blank(story), Blank(reason));
        Zone = (await settings.GetAsync(cancellationToken)).Zone;
        Queue = await ModerationQueues.LoadAsync(db, new ModerationQueues.Filter(Name, OldestFirst, Story, Reason, cursor, PageSize), cancellationToken);
        return Page();
    }

    /// <param name="act">"approve" | "reject" | "spam" for the checked <paramref name="items"/>; "approve:12:1" for one comment (id, revision).</param>
    /// <param name="items">Checked comments as "id:revision".</param>
    public async Task<IActionResult> OnPostAsync(string? act, string? reason, string[]? items, string? queue, string? order, string? story, string? filterReason, CancellationToken cancellationToken)
    {
        var parts = (act ?? "").Split(':');
        var (action, problem) = ModerationApi.Validate(parts[0], reason);
        var selected = parts.Length == 3 ? [$"{parts[1]}:{parts[2]}"] : items ?? [];
        var parsed = selected.Select(Parse).ToList();
        var back = ModerationPaths.QueueOf(ModerationQueues.TryParse(queue, out var name) ? name : ModerationQueues.Name.Pending, order == "oldest", Blank(story), Blank(filterReason));
        if (problem is not null || parsed.Count == 0 || parsed.Count > ModeratorDecisions.MaxBatch || parsed.Any(p => p is null))
        {
            Status = problem is not null ? "Choose approve, reject (with a reason) or spam." : "Select at least one comment first.";
            return Redirect(back);
        }
        var outcomes = await decisions.DecideAsync(parsed.Select(p => p!).ToList(), action, ModerationApi.Clean(reason), ModerationApi.Actor(me), cancellationToken);
        var done = outcomes.Count(o => o.Succeeded);
        var stale = outcomes.Count(o => o.Error == ModeratorDecisions.StaleRevision);
        Status = $"{Verb(action)} {done} comment{(done == 1 ? "" : "s")}{(action == ModerationAction.Spam ? " as spam" : "")}."
            + (stale > 0 ? $" {stale} changed since you loaded the page and were left for another look." : "")
            + (outcomes.Count - done - stale > 0 ? $" {outcomes.Count - done - stale} could not be decided (already decided or withdrawn)." : "");
        return Redirect(back);
    }

    private static string Verb(ModerationAction action) => action switch
    {
        ModerationAction.Approve => "Approved",
        ModerationAction.Reject => "Rejected",
        _ => "Marked",
    };

    private static ModeratorDecisions.Item? Parse(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 2 && long.TryParse(parts[0], out var id) && int.TryParse(parts[1], out var revision)
            ? new ModeratorDecisions.Item(id, revision)
            : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
