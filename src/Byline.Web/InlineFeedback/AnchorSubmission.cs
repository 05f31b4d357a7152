namespace Byline.Web.InlineFeedback;

/// <summary>
/// The passage a client says its comment responds to: a TextQuoteSelector (<see cref="Exact"/>, with optional context)
/// and, optionally, a TextPositionSelector (<see cref="Start"/>, <see cref="End"/>) in the text of
/// <see cref="Revision"/> (the current revision when omitted). The server checks it and keeps its own context.
/// </summary>
public sealed record AnchorSubmission(string? Exact, string? Prefix, string? Suffix, int? Start, int? End, int? Revision);
