using Byline.Data;
using Byline.Data.Articles;
using Byline.Data.Site;
using Byline.Web.Comments;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Articles;

/// <summary>
/// The story page and its comment form. The page is served to anonymous readers from the shared page cache, so it
/// carries no per-user token: guests' posts are protected by <see cref="SameOriginForm"/> instead (see DESIGN.md §6).
/// Signed-in readers get the page rendered for them, with a token that <see cref="CommentFormGuard"/> checks.
/// </summary>
[CachedPage]
[IgnoreAntiforgeryToken]
public sealed class StoryModel(
    BylineDbContext db, SiteSettingsStore settings, CommentPosting posting, StoryFragments fragments, CommentFormGuard guard, TimeProvider time) : PageModel
{
    public StoryHead Head { get; private set; } = null!;
    public SiteSettings Site { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public CommentFormView Form { get; private set; } = null!;

    /// <summary>The rendered story and threads for this version, when already rendered; otherwise the data to render them.</summary>
    public StoryFragments.Entry? Fragments { get; private set; }
    public string FragmentKey { get; private set; } = "";
    public Article? Article { get; private set; }
    public Media.LeadImage? LeadImage { get; private set; }
    public ThreadPage? Threads { get; private set; }
    public InlineFeedback.StoryPassages? Passages { get; private set; }

    /// <summary>What the page's head tells search engines and link previews; kept with the fragments.</summary>
    public StoryMetadata Metadata { get; private set; } = null!;

    /// <summary>The order of the threads: ?sort=, else the signed-in reader's remembered choice, else newest.</summary>
    public Comments.Votes.ThreadSort Sort { get; private set; }

    /// <summary>A signed-in reader's own comments on this story that wait for a moderator (only they see them).</summary>
    public IReadOnlyList<Byline.Data.Comments.Comment> OwnHeld { get; private set; } = [];

    [BindProperty]
    public CommentForm Input { get; set; } = new();

    public string Path => Head.Path;

    /// <param name="prompt">An author prompt to answer: the form opens on its passage (the no-script path of "Respond").</param>
    /// <param name="sort">How to order the threads (newest, oldest, top, featured); an unknown one is ignored.</param>
    public async Task<IActionResult> OnGetAsync(string section, string slug, int? prompt, string? sort, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(section, slug, cancellationToken, sort);
        if (found is not null)
        {
            return found;
        }
        PageTags.Add(HttpContext, CacheTags.Article(Head.Id));
        if (prompt is { } number)
        {
            var story = await db.Articles.AsNoTracking().Where(a => a.Id == Head.Id)
                .Select(a => new { a.BodyHtml, a.Revision }).FirstAsync(cancellationToken);
            if (InlineFeedback.PromptPassages.Find(story.BodyHtml, number) is { } passage)
            {
                (Input.AnchorExact, Input.AnchorPrefix, Input.AnchorSuffix, Input.AnchorStart, Input.AnchorEnd, Input.AnchorRevision) =
                    (passage.Exact, passage.Prefix, passage.Suffix, passage.Start, passage.End, story.Revision);
            }
        }
        Form = FormView(null, null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string section, string slug, CancellationToken cancellationToken)
    {
        if (guard.Author is null && !SameOriginForm.IsAllowed(Request))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (await UnreadableFormAsync(cancellationToken) is { } unreadable)
        {
            // MVC binds nothing, not even route values, when the form cannot be read: answer on the story itself.
            return await LoadAsync((string)RouteData.Values["section"]!, (string)RouteData.Values["slug"]!, cancellationToken) ?? FormError(unreadable);
        }
        if (await guard.CheckAsync(HttpContext) is { } refused)
        {
            // A signed-in reader's form without a valid token: show it again, with a fresh token and their text kept.
            return await LoadAsync(section, slug, cancellationToken) ?? FormError(refused);
        }
        var (posted, error) = await posting.PostAsync(slug, Input.ToSubmission(), guard.Author, guard.Signals(HttpContext, Input), cancellationToken);
        if (posted is not null)
        {
            return Redirect(posted.Comment.Status == Byline.Data.Comments.CommentStatus.Approved
                ? await ThreadPage.LocationOfAsync(db, posted.Comment, posted.SectionSlug, posted.Article.Slug, cancellationToken)
                : guard.HeldLink(posted.Comment.Id));
        }
        Problems.AddHeaders(Response, error!);

        var found = await LoadAsync(section, slug, cancellationToken);
        if (found is not null)
        {
            return found;
        }
        string? replyingTo = null;
        if (Input.ParentId is { } parentId)
        {
            replyingTo = await db.Comments.Where(c => c.Id == parentId && c.ArticleId == Head.Id).Select(c => c.AuthorName).FirstOrDefaultAsync(cancellationToken);
        }
        return FormError(error!, replyingTo);
    }

    private PageResult FormError(CommentError error, string? replyingTo = null)
    {
        Form = FormView(error, replyingTo);
        Response.StatusCode = error.Status;
        return Page();
    }

    /// <summary>Why the posted form could not be read (too large, malformed), if it could not.</summary>
    private async Task<CommentError?> UnreadableFormAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid || !Request.HasFormContentType)
        {
            return null;
        }
        try
        {
            // The form is read once per request; this rethrows what model binding met.
            await Request.ReadFormAsync(cancellationToken);
            return null;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return CommentError.FormTooLarge;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return CommentError.FormUnreadable;
        }
    }

    private async Task<IActionResult?> LoadAsync(string section, string slug, CancellationToken cancellationToken, string? sort = null)
    {
        var head = await StoryHead.FindAsync(db, slug, cancellationToken);
        if (head is null)
        {
            return NotFound();
        }
        if (head.SectionSlug != section)
        {
            return RedirectPermanent(head.Path);
        }
        Head = head;
        if (guard.Author is { } author)
        {
            OwnHeld = await db.Comments.AsNoTracking()
                .Where(c => c.ArticleId == head.Id && c.AuthorUserId == author.UserId)
                .Where(Byline.Web.Moderation.AuthorView.AwaitingModeration)
                .OrderBy(c => c.CreatedAt).Take(20).ToListAsync(cancellationToken);
        }
        var site = await settings.GetAsync(cancellationToken);
        Site = site.Settings;
        Zone = site.Zone;
        Sort = (await Comments.Votes.SortChoice.ForPageAsync(db, guard.Author?.UserId, sort, null, cancellationToken)).Sort;
        FragmentKey = StoryFragments.Key(head, site.Stamp) + (Sort == Comments.Votes.ThreadSorts.Default ? "" : ":" + Comments.Votes.ThreadSorts.Name(Sort));
        Fragments = fragments.Find(FragmentKey);
        if (Fragments is null)
        {
            Article = await StoryQuery.FindAsync(db, slug, cancellationToken)
                ?? throw new InvalidOperationException($"Story {slug} vanished while its page was rendered.");
            LeadImage = Article.LeadImageId is { } imageId ? await Media.LeadImage.FindAsync(db, imageId, cancellationToken) : null;
            Threads = await ThreadPage.LoadAsync(db, head.Id, Sort, null, ThreadPage.DefaultSize, time.GetUtcNow(), cancellationToken);
            Passages = await InlineFeedback.StoryPassages.LoadAsync(db, head.Id, Article.BodyHtml, cancellationToken);
        }
        Metadata = Fragments?.Metadata ?? StoryMetadata.From(Article!, LeadImage);
        return null;
    }

    private CommentFormView FormView(CommentError? error, string? replyingTo) => new(
        Path,
        Input,
        Head.CommentsOpen,
        Site.GuestCommentsAllowed,
        replyingTo,
        replyingTo is null ? null : Path + "#comment-form",
        error,
        guard.Author?.DisplayName,
        guard.Stamp());
}
