using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Accounts;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Newsroom;

/// <summary>
/// A story's public corrections, updates and clarifications, and the form editors add one with. Anyone who may see
/// the story in the newsroom sees the list; adding needs <see cref="StoryAccess.CanCorrect"/>. There is no route to
/// edit or delete an entry.
/// </summary>
[Authorize]
public sealed class CorrectionsModel(BylineDbContext db, CurrentUser user, CorrectionPublisher publisher, PageCache pageCache, SiteSettingsStore settings) : PageModel
{
    public sealed record Entry(long Id, CorrectionKind Kind, string Text, DateTimeOffset At, string? By);

    public RevisionStory Story { get; private set; } = null!;
    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public long? Added { get; private set; }

    /// <summary>Why the form was not accepted as a whole (the story is not published), if so.</summary>
    public string? Refusal { get; private set; }
    public string? KindError { get; private set; }
    public string? TextError { get; private set; }

    [BindProperty]
    public CorrectionForm Input { get; set; } = new();

    public bool CanAdd => Story.Access.CanCorrect(Story.State);

    public async Task<IActionResult> OnGetAsync(int id, long? added, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Added = added;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!Story.Access.IsEditor)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (!CanAdd)
        {
            return NotPublished();
        }

        var kind = CorrectionText.ParseKind(Input.Kind);
        KindError = kind is null ? "Choose whether this is a correction, an update or a clarification." : null;
        var (text, textError) = CorrectionText.Clean(Input.Text);
        TextError = textError;
        if (kind is null || textError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var correction = await publisher.AddAsync(id, kind.Value, text, user.Id, cancellationToken);
        if (correction is null)
        {
            return NotPublished();
        }
        pageCache.EvictStory(id);
        return Redirect($"{RevisionPaths.Corrections(id)}?added={correction.Id}#correction-{correction.Id}");
    }

    private PageResult NotPublished()
    {
        Refusal = "Corrections, updates and clarifications can only be added to a published story. Nothing was added.";
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var story = await RevisionStory.FindAsync(db, user, id, cancellationToken);
        if (story is null)
        {
            return false;
        }
        Story = story;
        Zone = (await settings.GetAsync(cancellationToken)).Zone;
        Entries = await db.ArticleCorrections.AsNoTracking()
            .Where(c => c.ArticleId == id)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new Entry(c.Id, c.Kind, c.Text, c.CreatedAt, db.Users.Where(u => u.Id == c.CreatedByUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return true;
    }
}
