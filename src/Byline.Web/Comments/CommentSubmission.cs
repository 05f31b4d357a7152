namespace Byline.Web.Comments;

/// <summary>
/// What a client may send to post a comment; with an <see cref="Anchor"/> it is inline feedback on a passage.
/// Anything else a client sends is never bound.
/// </summary>
public sealed record CommentSubmission(
    string? Body, long? ParentId, string? AuthorName, string? AuthorEmail, InlineFeedback.AnchorSubmission? Anchor = null);
