using Byline.Data;
using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Data.Site;
using Byline.Web.Accounts;
using Byline.Web.Articles;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Newsroom;

/// <summary>
/// The story editor, at /newsroom/new (New.cshtml) and /newsroom/stories/{id} (Editor.cshtml), both rendering
/// _Editor.cshtml: the form, a preview rendered like the public page,
/// and the workflow moves this person may make. Works without JavaScript; a script only refreshes the preview live.
/// </summary>
[RequestFormLimits(ValueLengthLimit = 1024 * 1024)]
[RequestSizeLimit(NewsroomApi.MaxRequestBytes)]
public sealed class StoryEditorModel(
    BylineDbContext db, StoryEditor editor, StoryMoves moves, StoryPreview previews, SiteSettingsStore settings, CurrentUser me) : NewsroomPage
{
    public sealed record ImageChoice(int Id, string Alt);

    public sealed record MoveError(string Move, string Field, string Message);

    [BindProperty]
    public StoryForm Form { get; set; } = new();

    public Article? Story { get; private set; }
    public StoryAccess? Access { get; private set; }
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public string? Problem { get; private set; }
    public int? ConflictLatest { get; private set; }
    public string? Notice { get; private set; }
    public MoveError? MoveProblem { get; private set; }
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public IReadOnlyList<Byline.Data.Articles.Writer> Writers { get; private set; } = [];
    public IReadOnlyList<ImageChoice> Images { get; private set; } = [];
    public StoryArticleView Preview { get; private set; } = null!;
    public SiteSettings Site { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Readers' responses to passages of this story, so that editors see what readers question.</summary>
    public InlineFeedback.StoryPassages Feedback { get; private set; } = InlineFeedback.StoryPassages.None;

    public bool IsEditor => me.IsIn(Roles.Editor);
    public bool CanEdit => Story is null || Access!.CanEdit(Story.State);
    public IEnumerable<StoryWorkflow.Move> Moves => Story is null ? [] : Access!.Moves(Story.State);

    public async Task<IActionResult> OnGetAsync(int? id, string? notice, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Form = Story is null ? StoryForm.Blank(me.WriterId) : StoryForm.From(Story);
        Notice = NoticeText(notice);
        return await PageAsync(StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        var outcome = id is { } storyId
            ? await editor.UpdateAsync(storyId, Form.ToInput(), cancellationToken)
            : await editor.CreateAsync(Form.ToInput(), cancellationToken);
        if (outcome.Succeeded)
        {
            var notice = outcome.Unchanged ? "unchanged" : id is null ? "created" : "saved";
            return Redirect($"{NewsroomPaths.Story(outcome.Story!.Id)}?notice={notice}");
        }
        switch (outcome.Refusal)
        {
            case StoryRefusal.NotFound:
                return NotFound();
            case StoryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Errors = outcome.Errors ?? new Dictionary<string, string>();
        Problem = outcome.Message;
        ConflictLatest = outcome.LatestRevision;
        return await PageAsync(outcome.Refusal == StoryRefusal.RevisionConflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest, cancellationToken);
    }

    /// <summary>"Preview" without JavaScript: the same page, with the preview of what was typed; nothing is saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return await PageAsync(StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(
        int id, [FromForm] string? move, [FromForm] ArticleState? from, [FromForm] string? publishAt, [FromForm] string? reason,
        CancellationToken cancellationToken)
    {
        var outcome = await moves.MoveAsync(id, new StoryMoves.Request(move ?? "", from, publishAt, reason), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"{NewsroomPaths.Story(id)}?notice={move}");
        }
        switch (outcome.Refusal)
        {
            case StoryRefusal.NotFound or StoryRefusal.UnknownMove:
                return NotFound();
            case StoryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Form = StoryForm.From(Story!);
        if (outcome.Errors is { Count: > 0 } errors)
        {
            var (field, message) = errors.First();
            MoveProblem = new MoveError(move!, field, message);
        }
        else
        {
            Problem = outcome.Message;
        }
        return await PageAsync(outcome.Refusal == StoryRefusal.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict, cancellationToken);
    }

    /// <summary>The id of the form control an error key belongs to, for the error summary's links.</summary>
    public static string FieldId(string field) => field switch
    {
        StoryRules.Field.Section => "field-section",
        StoryRules.Field.NewSection => "field-new-section",
        StoryRules.Field.Writers => "field-writer-1",
        StoryRules.Field.Disclaimer => "field-disclaimer-default",
        StoryRules.Field.DisclaimerText => "field-disclaimer-text",
        StoryRules.Field.LeadImage => "field-lead-image",
        _ => "field-" + field.Replace('.', '-'),
    };

    public static string MoveLabel(string move) => move switch
    {
        "submit" => "Submit for review",
        "withdraw" => "Withdraw from review",
        "schedule" => "Schedule",
        "unschedule" => "Unschedule",
        "publish" => "Publish now",
        "unpublish" => "Unpublish",
        "reopen" => "Reopen as a draft",
        _ => move,
    };

    public static string StateLabel(ArticleState state) => state switch
    {
        ArticleState.InReview => "In review",
        _ => state.ToString(),
    };

    private string? NoticeText(string? notice) => notice switch
    {
        "created" => $"Draft created (revision {Story?.Revision}).",
        "saved" => $"Saved as revision {Story?.Revision}.",
        "unchanged" => "Nothing changed, so no new revision was written.",
        "submit" => "Submitted for review.",
        "withdraw" => "Withdrawn from review: it is a draft again.",
        "schedule" when Story?.PublishAt is { } at => $"Scheduled to publish {NewsDate.DateAndTime(at, Zone)}.",
        "unschedule" => "No longer scheduled: it is back in review.",
        "publish" => "Published: the story is public.",
        "unpublish" => "Unpublished: the public page is gone.",
        "reopen" => "Reopened as a draft.",
        _ => null,
    };

    /// <summary>The story (when editing one) and the choices the form offers. False when the story is hidden.</summary>
    private async Task<bool> LoadAsync(int? id, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        Site = site.Settings;
        Zone = site.Zone;
        if (id is { } storyId)
        {
            if (await editor.FindAsync(storyId, cancellationToken) is not { } found)
            {
                return false;
            }
            (Story, Access) = found;
            Feedback = await InlineFeedback.StoryPassages.LoadAsync(db, storyId, Story.BodyHtml, cancellationToken);
        }
        Sections = await db.Sections.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        Writers = await db.Writers.AsNoTracking().OrderBy(w => w.DisplayName).ToListAsync(cancellationToken);
        Images = await db.Images.AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(i => new ImageChoice(i.Id, i.Alt)).ToListAsync(cancellationToken);
        return true;
    }

    private async Task<PageResult> PageAsync(int status, CancellationToken cancellationToken)
    {
        var input = Form.ToInput();
        var story = await previews.BuildAsync(input, cancellationToken);
        Preview = new StoryArticleView(story, Site, Zone, await previews.LeadImageAsync(input, cancellationToken));
        Response.StatusCode = status;
        return Page();
    }
}
