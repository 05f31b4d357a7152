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
}
