using Byline.Web.Comments;

namespace Byline.Web.InlineFeedback;

/// <summary>Why a passage anchor was refused.</summary>
public static class AnchorError
{
    public static CommentError Mismatch { get; } = new(400, "anchor-mismatch", "The quoted passage is not in the story as it reads at that revision.", "anchor");
    public static CommentError Empty { get; } = new(400, "anchor-empty", "Select some words of the story to respond to.", "anchor");
    public static CommentError TooLong { get; } = new(400, "anchor-too-long", $"A passage can be at most {Byline.Core.Anchoring.TextAnchors.MaxQuoteLength:N0} characters.", "anchor");
    public static CommentError OutOfRange { get; } = new(400, "anchor-out-of-range", "The passage's start and end must both be given, in order, within the story's text.", "anchor");
    public static CommentError UnknownRevision { get; } = new(400, "anchor-mismatch", "The story has no such revision.", "anchor");
    public static CommentError OnReply { get; } = new(400, "anchor-on-reply", "A reply answers a comment, not a passage: send either a parent or an anchor.", "anchor");
}
