using Byline.Core.Anchoring;
using Byline.Data.Comments;

namespace Byline.Web.InlineFeedback;

/// <summary>
/// A comment's passage as the API shows it: the selector as the reader made it (<see cref="Exact"/>, context, on
/// <see cref="Revision"/>), where it is now (<see cref="Start"/>/<see cref="End"/> in the current text, null once
/// orphaned), how the last edit moved it, and the correction that addressed it.
/// </summary>
public sealed record AnchorDto(
    string Exact,
    string Prefix,
    string Suffix,
    int? Start,
    int? End,
    string State,
    int Revision,
    string Outcome,
    double Confidence,
    AddressedDto? AddressedBy)
{
    public static AnchorDto From(CommentAnchor anchor) => new(
        anchor.Exact,
        anchor.Prefix,
        anchor.Suffix,
        anchor.IsOrphaned ? null : anchor.CurrentStart,
        anchor.IsOrphaned ? null : anchor.CurrentEnd,
        anchor.IsOrphaned ? "orphaned" : "attached",
        anchor.Revision,
        anchor.Outcome.ToString().ToLowerInvariant(),
        Math.Round(anchor.Confidence, 3),
        anchor.AddressedByCorrectionId is { } id ? new AddressedDto(id, anchor.AddressedAt!.Value) : null);
}

/// <summary>The correction that addressed a passage's feedback.</summary>
public sealed record AddressedDto(int Correction, DateTimeOffset At);
