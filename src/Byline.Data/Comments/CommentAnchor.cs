using Byline.Core.Anchoring;

namespace Byline.Data.Comments;

/// <summary>
/// The passage an inline feedback comment responds to. The selector as the reader made it (on <see cref="Revision"/>)
/// is never changed; re-anchoring after each edit of the story records where the passage is now.
/// Offsets are UTF-16 code units of the story body's text content (see Byline.Web.InlineFeedback.StoryText).
/// </summary>
public sealed class CommentAnchor
{
    public long CommentId { get; set; }
    public int ArticleId { get; set; }

    // The W3C TextQuoteSelector and TextPositionSelector on the revision the reader saw.
    public required string Exact { get; set; }
    public required string Prefix { get; set; }
    public required string Suffix { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public int Revision { get; set; }

    /// <summary>The story revision <see cref="CurrentStart"/>..<see cref="CurrentEnd"/> refer to.</summary>
    public int ResolvedRevision { get; set; }
    public int CurrentStart { get; set; }
    public int CurrentEnd { get; set; }

    /// <summary>The words at the current offsets; a highlight is drawn only where the text still reads this.</summary>
    public required string CurrentQuote { get; set; }

    public AnchorOutcome Outcome { get; set; } = AnchorOutcome.Kept;

    /// <summary>How sure the last re-anchoring was (1 for an exact match).</summary>
    public double Confidence { get; set; } = 1;

    /// <summary>The first revision whose edit changed the passage's words; a correction after it addressed the feedback.</summary>
    public int? EditedAtRevision { get; set; }

    public int? AddressedByCorrectionId { get; set; }

    /// <summary>When that correction was published (corrections are never edited, so this never goes stale).</summary>
    public DateTimeOffset? AddressedAt { get; set; }

    public bool IsOrphaned => Outcome == AnchorOutcome.Orphaned;
}
