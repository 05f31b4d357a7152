using Byline.Data;
using Byline.Web.Accounts;
using Byline.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Newsroom;

/// <summary>A story's revisions, newest first, with links to compare them and (for those who may edit) to restore one.</summary>
[Authorize]
public sealed class RevisionsModel(BylineDbContext db, CurrentUser user, SiteSettingsStore settings) : PageModel
{
    public sealed record Row(int Number, DateTimeOffset At, string Author, string? Note);

    public RevisionStory Story { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Set after a restore: the revision that was brought back.</summary>
    public int? Restored { get; private set; }

    /// <summary>Set when a restore found nothing to change.</summary>
    public int? Unchanged { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? restored, int? unchanged, CancellationToken cancellationToken)
    {
        var story = await RevisionStory.FindAsync(db, user, id, cancellationToken);
        if (story is null)
        {
            return NotFound();
        }
        Story = story;
        Zone = (await settings.GetAsync(cancellationToken)).Zone;
        Rows = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == id)
            .OrderByDescending(r => r.Number)
            .Select(r => new Row(r.Number, r.CreatedAt, r.AuthorName, r.Note))
            .ToListAsync(cancellationToken);
        Restored = restored;
        Unchanged = unchanged;
        return Page();
    }

    public bool CanRestore(Row row) => row.Number != Story.Revision && Story.Access.CanRestore(Story.State);
}
