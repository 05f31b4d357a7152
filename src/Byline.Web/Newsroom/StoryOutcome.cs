using Byline.Data.Articles;

namespace Byline.Web.Newsroom;

/// <summary>Why the newsroom refused an edit or a move; the pages and the API each say it their way.</summary>
public enum StoryRefusal
{
    None,

    /// <summary>No such story, or one this person may not see (hidden things answer 404).</summary>
    NotFound,

    /// <summary>The person sees the story but may not do this to it.</summary>
    Forbidden,

    /// <summary>Field errors; nothing was stored.</summary>
    Invalid,

    /// <summary>The story was saved by someone else since the revision the edit started from.</summary>
    RevisionConflict,

    /// <summary>The workflow has no such move from the story's state.</summary>
    InvalidMove,

    /// <summary>The story changed state since the person looked at it.</summary>
    StaleState,

    /// <summary>No move has this name.</summary>
    UnknownMove,
}

/// <summary>The result of a newsroom action: the story as stored, or why nothing was stored.</summary>
public sealed record StoryOutcome(
    Article? Story,
    StoryRefusal Refusal = StoryRefusal.None,
    string? Message = null,
    IReadOnlyDictionary<string, string>? Errors = null,
    int? LatestRevision = null,
    ArticleState? CurrentState = null)
{
    public bool Succeeded => Refusal == StoryRefusal.None;

    /// <summary>Saved, but with the same content as before, so no revision was written.</summary>
    public bool Unchanged { get; init; }

    public static StoryOutcome NotFound { get; } = new(null, StoryRefusal.NotFound, "There is no such story.");

    public static StoryOutcome Forbidden(string message) => new(null, StoryRefusal.Forbidden, message);

    public static StoryOutcome Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(null, StoryRefusal.Invalid, "Some fields need attention; nothing was saved.", errors);

    public static StoryOutcome Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });
}
