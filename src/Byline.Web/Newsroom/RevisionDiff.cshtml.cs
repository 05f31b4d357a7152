using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Accounts;
using Byline.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Newsroom;

/// <summary>A word-level comparison of any two revisions of a story, and the metadata fields that differ.</summary>
[Authorize]
public sealed class RevisionDiffModel(BylineDbContext db, CurrentUser user, SiteSettingsStore settings) : PageModel
{
    public RevisionStory Story { get; private set; } = null!;
    public ArticleRevision From { get; private set; } = null!;
    public ArticleRevision To { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Null when both numbers name the same revision: there is nothing to compare.</summary>
    public RevisionComparison? Comparison { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? from, int? to, CancellationToken cancellationToken)
    {
        var story = await RevisionStory.FindAsync(db, user, id, cancellationToken);
        if (story is null || from is not { } fromNumber || to is not { } toNumber)
        {
            return NotFound();
        }
        var revisions = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == id && (r.Number == fromNumber || r.Number == toNumber))
            .ToListAsync(cancellationToken);
        if (revisions.Find(r => r.Number == fromNumber) is not { } fromRevision
            || revisions.Find(r => r.Number == toNumber) is not { } toRevision)
        {
            return NotFound();
        }
        Story = story;
        From = fromRevision;
        To = toRevision;
        Zone = (await settings.GetAsync(cancellationToken)).Zone;
        if (fromNumber != toNumber)
        {
            Comparison = await RevisionComparison.BuildAsync(db, fromRevision, toRevision, cancellationToken);
        }
        return Page();
    }
}
