namespace Byline.Core.Anchoring;

/// <summary>Creating and locating passages in a text.</summary>
public static class TextAnchors
{
    public const int ContextLength = 32;
    public const int MaxQuoteLength = 1000;

    /// <summary>Whether text[start..end] reads exactly <paramref name="quote"/>; false for a range outside the text.</summary>
    public static bool IsAt(string text, int start, int end, string quote)
    {
        ArgumentNullException.ThrowIfNull(text);
        return start >= 0 && start <= end && end <= text.Length && text.AsSpan(start, end - start).SequenceEqual(quote);
    }

    /// <summary>The anchor for text[start..end], with its prefix and suffix taken from the text.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The range is empty, reversed, outside the text, or cuts a surrogate pair in half (no browser selection does).
    /// </exception>
    public static TextAnchor At(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        if (CodeUnits.SplitsPair(text, start))
            throw new ArgumentOutOfRangeException(nameof(start), start, "The passage starts inside a surrogate pair.");
        if (CodeUnits.SplitsPair(text, end))
            throw new ArgumentOutOfRangeException(nameof(end), end, "The passage ends inside a surrogate pair.");

        // Context is at most ContextLength code units, so at a pair it shrinks rather than grows: a lone surrogate
        // would make the stored selector invalid UTF-16 (and unencodable as JSON text).
        var prefixStart = Math.Max(0, start - ContextLength);
        if (CodeUnits.SplitsPair(text, prefixStart))
            prefixStart++;
        var suffixEnd = Math.Min(text.Length, end + ContextLength);
        if (CodeUnits.SplitsPair(text, suffixEnd))
            suffixEnd--;

        return new TextAnchor(text[start..end], text[prefixStart..start], text[end..suffixEnd], start, end);
    }

    /// <summary>
    /// Where <paramref name="exact"/> occurs in <paramref name="text"/>, choosing among several occurrences by how well
    /// the prefix/suffix context agree and by closeness to <paramref name="expectedStart"/>; null when it does not occur.
    /// </summary>
    public static (int Start, int End)? Find(string text, string exact, string? prefix, string? suffix, int? expectedStart)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(exact);
        if (exact.Length == 0)
            return null;

        (int Start, int End)? best = null;
        var bestContext = -1.0;
        var bestDistance = long.MaxValue;
        foreach (var start in Occurrences(text, exact))
        {
            var context = PassageContext.Agreement(text, start, start + exact.Length, prefix ?? "", suffix ?? "");
            long distance = expectedStart is { } expected ? Math.Abs((long)start - expected) : 0;
            // Context decides; position only breaks ties, so an offset that drifted does not beat matching words.
            if (context > bestContext + 1e-9 || (Math.Abs(context - bestContext) <= 1e-9 && distance < bestDistance))
            {
                best = (start, start + exact.Length);
                bestContext = context;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>Start offsets of every ordinal occurrence that begins and ends on whole characters.</summary>
    internal static IEnumerable<int> Occurrences(string text, string exact)
    {
        for (var at = text.IndexOf(exact, StringComparison.Ordinal); at >= 0;
             at = at + 1 < text.Length ? text.IndexOf(exact, at + 1, StringComparison.Ordinal) : -1)
        {
            if (!CodeUnits.SplitsPair(text, at) && !CodeUnits.SplitsPair(text, at + exact.Length))
                yield return at;
        }
    }
}
