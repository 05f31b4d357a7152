namespace Byline.Core.Anchoring;

/// <summary>
/// One edit of a text (old → new), computed once and used to re-anchor every passage of the old text.
/// </summary>
/// <remarks>
/// Order of resolution: a passage the diff left untouched is mapped through it (Kept, or Moved when text before it
/// changed length); a touched passage whose quote still sits at its old offsets is Kept; otherwise
/// <see cref="PassageSearch"/> weighs the diff's image of the passage, exact occurrences elsewhere and approximate
/// matches, and orphans the passage unless one is convincing.
/// </remarks>
public sealed class TextEdit
{
    private readonly EditMap map;
    private readonly PassageSearch search;

    private TextEdit(string oldText, string newText, EditMap map)
    {
        OldText = oldText;
        NewText = newText;
        this.map = map;
        search = new PassageSearch(newText, map);
    }

    public string OldText { get; }

    public string NewText { get; }

    public static TextEdit Between(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        return new TextEdit(oldText, newText, EditMap.Compute(oldText, newText));
    }

    /// <summary>Whether the edit changed characters inside old[start..end] (deleted, replaced or inserted strictly inside).</summary>
    public bool Touches(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, OldText.Length);
        return map.Touches(start, end);
    }

    public Reanchored Reanchor(TextAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        var exact = anchor.Exact;
        if (string.IsNullOrEmpty(exact))
            throw new ArgumentException("The anchor quotes nothing.", nameof(anchor));
        var context = new PassageContext(anchor.Prefix ?? "", anchor.Suffix ?? "");

        if (LocateInOld(anchor) is not { } old)
            return WithoutDiff(exact, context, anchor.Start);

        if (!map.Touches(old.Start, old.End))
        {
            // Every character of the passage lies in one unchanged stretch, so the mapped range holds the quote.
            var start = map.MapStart(old.Start);
            var sides = context.Sides(NewText, start, start + exact.Length);
            if (!map.Touches(LineStart(old.Start), LineEnd(old.End))
                || (sides.Max >= 0.5 && (exact.Length >= PassageSearch.ShortQuote || sides.Min >= 0.5)
                    && (sides.Min >= 0.7 || search.Slot(context, exact.Length) is not { } slot
                    || (slot.Start < start + exact.Length && slot.End > start))))
                return new Reanchored(start == old.Start ? AnchorOutcome.Kept : AnchorOutcome.Moved,
                    start, start + exact.Length, 1, Touched: false);
            // Its paragraph was edited and the words around it changed (on both sides, or on one while both still
            // frame other words elsewhere): the diff may have paired the passage with a copy of it (a pull quote of
            // the old words) while the original was rewritten in place. Search.
        }

        // The diff may align repeated text arbitrarily and call the passage edited though its words are still in
        // place; a short quote sitting there by chance must also have its context.
        if (old.End <= NewText.Length && NewText.AsSpan(old.Start, exact.Length).SequenceEqual(exact))
        {
            var agreement = context.Sides(NewText, old.Start, old.End).Combined;
            if (exact.Length >= PassageSearch.ShortQuote || agreement >= 0.6)
                return new Reanchored(AnchorOutcome.Kept, old.Start, old.End, Math.Round(0.6 + 0.4 * agreement, 3), Touched: false);
        }

        return search.Resolve(exact, context, old.Start, old.End);
    }

    private int LineStart(int offset) => offset == 0 ? 0 : OldText.LastIndexOf('\n', offset - 1) + 1;

    private int LineEnd(int offset)
    {
        var end = OldText.IndexOf('\n', offset);
        return end < 0 ? OldText.Length : end;
    }

    // Stored anchors match their revision; one whose offsets drifted is found again by its quote and context.
    private (int Start, int End)? LocateInOld(TextAnchor anchor)
    {
        var (start, end) = (anchor.Start, anchor.End);
        if (start >= 0 && end - start == anchor.Exact.Length && end <= OldText.Length
            && OldText.AsSpan(start, end - start).SequenceEqual(anchor.Exact))
            return (start, end);
        return TextAnchors.Find(OldText, anchor.Exact, anchor.Prefix, anchor.Suffix, start);
    }

    // The quote is not in the old text at all, so the diff cannot help: only an exact, context-confirmed match attaches.
    private Reanchored WithoutDiff(string exact, PassageContext context, int expectedStart)
    {
        (int Start, double Agreement)? best = null;
        foreach (var start in TextAnchors.Occurrences(NewText, exact))
        {
            var sides = context.Sides(NewText, start, start + exact.Length);
            if (sides.Min >= 0.7 && (best is null || sides.Combined > best.Value.Agreement
                || (sides.Combined == best.Value.Agreement && Math.Abs(start - expectedStart) < Math.Abs(best.Value.Start - expectedStart))))
                best = (start, sides.Combined);
        }
        return best is { } b
            ? new Reanchored(b.Start == expectedStart ? AnchorOutcome.Kept : AnchorOutcome.Moved, b.Start, b.Start + exact.Length,
                Math.Round(0.5 + 0.5 * b.Agreement, 3), Touched: false)
            : new Reanchored(AnchorOutcome.Orphaned, 0, 0, 1, Touched: true);
    }
}
