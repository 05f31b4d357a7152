using Byline.Data.Articles;

namespace Byline.Web.Newsroom;

/// <summary>
/// The story state machine as data: every allowed move, who may make it, and whether it needs a reason. A move that is
/// not in <see cref="Moves"/> is forbidden for everyone. Pure: the newsroom pages, the API and the tests read the same table.
/// </summary>
public static class StoryWorkflow
{
    /// <summary>Who may make a move: any writer on their own story, or editors (and admins) on any story.</summary>
    public enum Who
    {
        OwnerOrEditor,
        Editor,
    }

    public sealed record Move(string Name, ArticleState From, ArticleState To, Who AllowedTo, bool NeedsReason = false, bool NeedsTime = false);

    public static readonly IReadOnlyList<Move> Moves =
    [
        new("submit", ArticleState.Draft, ArticleState.InReview, Who.OwnerOrEditor),
        new("withdraw", ArticleState.InReview, ArticleState.Draft, Who.OwnerOrEditor),
        new("schedule", ArticleState.Draft, ArticleState.Scheduled, Who.Editor, NeedsTime: true),
        new("schedule", ArticleState.InReview, ArticleState.Scheduled, Who.Editor, NeedsTime: true),
        new("schedule", ArticleState.Unpublished, ArticleState.Scheduled, Who.Editor, NeedsTime: true),
        new("unschedule", ArticleState.Scheduled, ArticleState.InReview, Who.Editor),
        new("publish", ArticleState.Draft, ArticleState.Published, Who.Editor),
        new("publish", ArticleState.InReview, ArticleState.Published, Who.Editor),
        new("publish", ArticleState.Scheduled, ArticleState.Published, Who.Editor),
        new("publish", ArticleState.Unpublished, ArticleState.Published, Who.Editor),
        new("unpublish", ArticleState.Published, ArticleState.Unpublished, Who.Editor, NeedsReason: true),
        new("reopen", ArticleState.Unpublished, ArticleState.Draft, Who.Editor),
    ];

    /// <summary>The move with this name from this state, if there is one.</summary>
    public static Move? Find(string name, ArticleState from) =>
        Moves.FirstOrDefault(m => m.Name == name && m.From == from);

    public static bool IsAllowed(Move move, bool isEditor, bool isOwner) =>
        isEditor || (move.AllowedTo == Who.OwnerOrEditor && isOwner);

    /// <summary>The moves this person may make from this state, in table order.</summary>
    public static IEnumerable<Move> Available(ArticleState from, bool isEditor, bool isOwner) =>
        Moves.Where(m => m.From == from && IsAllowed(m, isEditor, isOwner));
}
