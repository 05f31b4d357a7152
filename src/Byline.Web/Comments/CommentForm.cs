namespace Byline.Web.Comments;

/// <summary>The comment form's fields, bound from a form post and echoed back when it has to be corrected.</summary>
public sealed class CommentForm
{
    public string? Body { get; set; }
    public long? ParentId { get; set; }
    public string? AuthorName { get; set; }
    public string? AuthorEmail { get; set; }

    // The passage, for inline feedback: filled in by passages.js from the reader's selection.
    public string? AnchorExact { get; set; }
    public string? AnchorPrefix { get; set; }
    public string? AnchorSuffix { get; set; }
    public int? AnchorStart { get; set; }
    public int? AnchorEnd { get; set; }
    public int? AnchorRevision { get; set; }

    /// <summary>The honeypot: hidden from people by the stylesheet, so only a bot fills it in.</summary>
    public string? Website { get; set; }

    /// <summary>When the form was rendered, sealed (see Moderation.FormTiming).</summary>
    public string? Started { get; set; }

    public CommentSubmission ToSubmission() => new(Body, ParentId, AuthorName, AuthorEmail,
        AnchorExact is null ? null : new(AnchorExact, AnchorPrefix, AnchorSuffix, AnchorStart, AnchorEnd, AnchorRevision));
}

/// <summary>
/// What the form partial needs to render. <see cref="SignedInAs"/> is set only for a signed-in reader's page (never
/// served from the shared cache): their form names them and carries an antiforgery token instead of name fields.
/// </summary>
public sealed record CommentFormView(
    string Action,
    CommentForm Values,
    bool Open,
    bool GuestsAllowed,
    string? ReplyingTo = null,
    string? CancelReplyHref = null,
    CommentError? Error = null,
    string? SignedInAs = null,
    string? Started = null);
