namespace Byline.Data.Comments;

/// <summary>
/// Where a comment is in moderation. Readers see <see cref="Approved"/> comments (and their own <see cref="Pending"/>
/// ones); every move between states is a <see cref="CommentDecision"/>.
/// </summary>
public enum CommentStatus
{
    Approved = 0,

    /// <summary>Held for review: visible only to its author and moderators.</summary>
    Pending = 1,

    /// <summary>Refused by a moderator, with a reason its author can read.</summary>
    Rejected = 2,

    /// <summary>Junk: refused without a word to its author, and training for the classifier.</summary>
    Spam = 3,

    /// <summary>Withdrawn by its author: the text is gone, the thread keeps its shape with a placeholder.</summary>
    Deleted = 4,
}
