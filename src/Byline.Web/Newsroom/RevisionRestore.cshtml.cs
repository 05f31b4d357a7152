using Byline.Web.Accounts;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Byline.Web.Newsroom;

/// <summary>
/// POST: restores a revision and returns to the history; a refusal (stale form, slug now taken…) is a page that says
/// why, with nothing stored. The form carries the revision the person saw, as the optimistic concurrency check.
/// </summary>
[Authorize]
public sealed class RevisionRestoreModel(CurrentUser user, RevisionRestorer restorer, PageCache pageCache) : PageModel
{
    public int Id { get; private set; }
    public int Number { get; private set; }
    public int? BasedOn { get; private set; }
    public RevisionRestorer.Outcome Outcome { get; private set; } = null!;

    public async Task<IActionResult> OnPostAsync(int id, int number, [FromForm] int? revision, CancellationToken cancellationToken)
    {
        Id = id;
        Number = number;
        BasedOn = revision;
        if (revision is not { } basedOn)
        {
            return BadRequest();
        }
        Outcome = await restorer.RestoreAsync(user, id, number, basedOn, cancellationToken);
        switch (Outcome.Status)
        {
            case RevisionRestorer.Status.Restored:
                if (Outcome.Published)
                {
                    pageCache.EvictStory(id);
                }
                return Redirect($"{RevisionPaths.List(id)}?restored={number}");
            case RevisionRestorer.Status.Unchanged:
                return Redirect($"{RevisionPaths.List(id)}?unchanged={number}");
            case RevisionRestorer.Status.NotFound:
                return NotFound();
            case RevisionRestorer.Status.Forbidden:
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            default:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
    }
}
