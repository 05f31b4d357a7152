namespace Byline.Core.Anchoring;

/// <summary>
/// A passage of one revision of a story's body text, as the W3C Web Annotation model describes it: a
/// TextQuoteSelector (<see cref="Exact"/> with up to <see cref="TextAnchors.ContextLength"/> characters of
/// <see cref="Prefix"/> and <see cref="Suffix"/>) and a TextPositionSelector (<see cref="Start"/>, <see cref="End"/>).
/// Offsets are UTF-16 code units of the body's text content, as the browser's DOM counts them.
/// </summary>
public sealed record TextAnchor(string Exact, string Prefix, string Suffix, int Start, int End);
