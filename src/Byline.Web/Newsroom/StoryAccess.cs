using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Web.Accounts;

namespace Byline.Web.Newsroom;

/// <summary>
/// The one place that decides what a person may do with a story in the newsroom. Editors (and admins) may do anything
/// the workflow allows; writers see and act on their own stories only (created by them or carrying their byline) and
/// edit them while they are drafts; everyone else has no newsroom. A story someone may not see answers 404.
/// </summary>
public sealed record StoryAccess(bool IsEditor, bool IsOwner)
{
    /// <summary>Writers, editors and admins work in the newsroom.</summary>
    public static bool CanUseNewsroom(CurrentUser user) => user.IsInAny(Roles.Writer, Roles.Editor);

    public static bool CanCreate(CurrentUser user) => CanUseNewsroom(user);

    public static StoryAccess For(CurrentUser user, string? createdByUserId, IEnumerable<int> bylineWriterIds) => new(
        user.IsIn(Roles.Editor),
        user.IsIn(Roles.Writer) && user.Id is { } id
            && (createdByUserId == id || (user.WriterId is { } writerId && bylineWriterIds.Contains(writerId))));

    /// <summary>The rule of <see cref="For(CurrentUser, string?, IEnumerable{int})"/> for a story with its bylines loaded.</summary>
    public static StoryAccess For(CurrentUser user, Article story) =>
        For(user, story.CreatedByUserId, story.Bylines.Select(b => b.WriterId));

    /// <summary>The stories this person sees in the newsroom, as a query: the same rule as <see cref="CanView"/>.</summary>
    public static IQueryable<Article> Visible(IQueryable<Article> stories, CurrentUser user) =>
        user.IsIn(Roles.Editor) ? stories
        : user.IsIn(Roles.Writer) ? Mine(stories, user)
        : stories.Where(_ => false);

    /// <summary>Stories this person created or carries a byline on.</summary>
    public static IQueryable<Article> Mine(IQueryable<Article> stories, CurrentUser user)
    {
        if (user.Id is not { } id)
        {
            return stories.Where(_ => false);
        }
        var writerId = user.WriterId;
        return writerId is null
            ? stories.Where(a => a.CreatedByUserId == id)
            : stories.Where(a => a.CreatedByUserId == id || a.Bylines.Any(b => b.WriterId == writerId));
    }

    public bool CanView => IsEditor || IsOwner;

    public bool CanEdit(ArticleState state) => IsEditor || (IsOwner && state == ArticleState.Draft);

    public bool CanMove(StoryWorkflow.Move move) => CanView && StoryWorkflow.IsAllowed(move, IsEditor, IsOwner);

    public IEnumerable<StoryWorkflow.Move> Moves(ArticleState state) =>
        CanView ? StoryWorkflow.Available(state, IsEditor, IsOwner) : [];

    /// <summary>Corrections, updates and clarifications are the newsroom's public word: editors only, on published stories.</summary>
    public bool CanCorrect(ArticleState state) => IsEditor && state == ArticleState.Published;

    public bool CanSeeRevisions => CanView;

    /// <summary>Restoring writes a new revision, so it needs the right to edit.</summary>
    public bool CanRestore(ArticleState state) => CanEdit(state);

    /// <summary>Adding a section changes the site's navigation: editors only.</summary>
    public static bool CanAddSection(CurrentUser user) => user.IsIn(Roles.Editor);

    /// <summary>
    /// A story's address is fixed once it has been published: links to it are out in the world, and Byline keeps no
    /// redirects from old slugs, so a change would break them.
    /// </summary>
    public static bool CanChangeSlug(Article story) => story.PublishedAt is null;
}
