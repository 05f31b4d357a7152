using System.Buffers;

namespace Byline.Core.Anchoring;

/// <summary>
/// Re-anchoring when the diff says the passage itself was edited or removed: gathers candidate ranges in the new
/// text (the diff's image of the passage, exact occurrences of the quote, approximate matches), scores each by
/// quote similarity, context agreement and agreement with where the diff put the passage, and attaches only when
/// the best one is convincing. A wrong attachment is worse than an orphan.
/// </summary>
internal sealed class PassageSearch(string newText, EditMap map)
{
    /// <summary>Approximate matches may differ from the quote in at most this share of its length.</summary>
    internal const double MaxErrorRatio = 0.25;

    /// <summary>The least score (0..1) that attaches a passage; below it the passage is orphaned.</summary>
    internal const double AcceptScore = 0.7;

    /// <summary>Quotes shorter than this (one or two words) recur by chance, so context must vouch for them.</summary>
    internal const int ShortQuote = 16;

    private const double StrongSide = 0.7;
    private const double AmbiguityMargin = 0.03;
    private const int MinInsertionSearched = 24;
    private const int MaxInsertionSearched = 5000;

    private readonly record struct Candidate(int Start, int End, double Quote, PassageContext.Agreements Context,
        double Own, double Foreign, bool IsImage, bool Near, double Score);

    public Reanchored Resolve(string exact, PassageContext context, int oldStart, int oldEnd)
    {
        var expectedStart = map.MapStart(oldStart);
        var expectedEnd = Math.Max(expectedStart, map.MapEnd(oldEnd));
        var (imageStart, imageEnd) = TrimLike(exact, expectedStart, expectedEnd);
        // When the passage's own surroundings still stand, around other words, elsewhere than the diff put it, the
        // passage was rewritten there and the diff paired it with a copy: the slot between them is its place.
        if (Slot(context, exact.Length) is { } slot && (slot.End <= imageStart || slot.Start >= imageEnd)
            && (imageEnd <= imageStart || context.Sides(newText, imageStart, imageEnd).Min < StrongSide))
            (imageStart, imageEnd, expectedStart, expectedEnd) = (slot.Start, slot.End, slot.Start, slot.End);
        var hasImage = imageEnd > imageStart;
        var request = new Request(exact, context, oldStart, oldEnd, expectedStart, expectedEnd, imageStart, imageEnd);

        var candidates = new List<Candidate>();
        var pattern = new BitParallelPattern(exact);
        // The diff's own answer: what the passage's characters became, when that is still recognisably the quote.
        if (hasImage && imageEnd - imageStart <= 2 * exact.Length + 16)
        {
            var distance = pattern.Distance(newText.AsSpan(imageStart, imageEnd - imageStart));
            candidates.Add(Score(request, imageStart, imageEnd, distance, isImage: true));
        }
        foreach (var start in TextAnchors.Occurrences(newText, exact))
            candidates.Add(Score(request, start, start + exact.Length, 0, isImage: false));
        foreach (var (start, end, distance) in ApproximateMatches(request, pattern))
            candidates.Add(Score(request, start, end, distance, isImage: false));

        Candidate? best = null;
        Candidate? image = null;
        foreach (var candidate in candidates)
        {
            if (!Acceptable(request, candidate, hasImage))
                continue;
            if (candidate.IsImage)
                image = candidate;
            if (best is null || candidate.Score > best.Value.Score)
                best = candidate;
        }
        if (best is not { } chosen)
            return Orphan(candidates);
        // Where search and diff agree on the place, the diff knows the exact boundaries of what was rewritten.
        if (image is { } diffImage && Overlaps(chosen, diffImage))
            chosen = diffImage;
        foreach (var rival in candidates)
        {
            if (!Overlaps(rival, chosen) && rival.Score >= chosen.Score - AmbiguityMargin && Acceptable(request, rival, hasImage))
                return Orphan(candidates);
        }

        var same = chosen.End - chosen.Start == exact.Length && newText.AsSpan(chosen.Start, exact.Length).SequenceEqual(exact);
        var outcome = !same ? AnchorOutcome.Fuzzy : chosen.Start == oldStart ? AnchorOutcome.Kept : AnchorOutcome.Moved;
        return new Reanchored(outcome, chosen.Start, chosen.End, Math.Round(chosen.Score, 3), Touched: !same);
    }

    /// <summary>
    /// The range of the new text framed by the passage's context: the last characters of its prefix, then within a
    /// few quote lengths the first characters of its suffix. Null when no such frame exists or it is not unique.
    /// </summary>
    public (int Start, int End)? Slot(PassageContext context, int quoteLength)
    {
        const int Frame = 16;
        if (context.Prefix.Length < Frame / 2 || context.Suffix.Length < Frame / 2)
            return null;
        var before = context.Prefix[^Math.Min(Frame, context.Prefix.Length)..];
        var after = context.Suffix[..Math.Min(Frame, context.Suffix.Length)];
        (int Start, int End)? found = null;
        for (var at = newText.IndexOf(before, StringComparison.Ordinal); at >= 0;
             at = newText.IndexOf(before, at + 1, StringComparison.Ordinal))
        {
            var start = at + before.Length;
            var reach = Math.Min(newText.Length - start, 3 * quoteLength + 32);
            var end = newText.IndexOf(after, start, reach, StringComparison.Ordinal);
            if (end < 0 || end == start)
                continue;
            if (found is not null)
                return null;
            found = (start, end);
            if (start + 1 >= newText.Length)
                break;
        }
        return found;
    }

    private readonly record struct Request(string Exact, PassageContext Context, int OldStart, int OldEnd,
        int ExpectedStart, int ExpectedEnd, int ImageStart, int ImageEnd);

    private static Reanchored Orphan(List<Candidate> candidates)
    {
        // Confidence of an orphan: how sure we are that nothing fits (1 minus the best rejected score).
        var bestRejected = candidates.Count == 0 ? 0 : candidates.Max(c => c.Score);
        return new Reanchored(AnchorOutcome.Orphaned, 0, 0, Math.Round(1 - bestRejected, 3), Touched: true);
    }

    private Candidate Score(Request request, int start, int end, int distance, bool isImage)
    {
        var length = Math.Max(1, end - start);
        var quote = Math.Max(0, 1.0 - (double)distance / Math.Max(request.Exact.Length, length));
        var context = request.Context.Sides(newText, start, end);
        var (own, foreign) = map.Provenance(start, end, request.OldStart, request.OldEnd);
        var scale = 64.0 + request.Exact.Length;
        var position = 1.0 / (1.0 + Math.Abs(start - request.ExpectedStart) / scale);
        // Where the diff put the passage only counts if the words around it agree on at least one side; otherwise
        // the diff may have paired the passage with a copy of it (see TextEdit.Reanchor).
        var trusted = context.Max >= 0.5;
        if (!trusted)
        {
            own = 0;
            position = 0;
        }
        // Near the diff's image means on it: next to a rewritten original, a copy of the old words is another passage.
        var hasImage = request.ImageEnd > request.ImageStart;
        var near = trusted && (hasImage
            ? start < request.ImageEnd && end > request.ImageStart
            : start < request.ExpectedEnd + scale && end > request.ExpectedStart - scale);
        var place = Math.Max((double)own / length, position);
        var score = 0.55 * quote + 0.3 * context.Combined + 0.15 * place;
        return new Candidate(start, end, quote, context, (double)own / length, (double)foreign / length, isImage, near, score);
    }

    private static bool Acceptable(Request request, Candidate c, bool hasImage)
    {
        if (c.Quote < 1 - MaxErrorRatio || c.Score < AcceptScore)
            return false;
        // Text that was already in the old revision, outside this passage, was some other passage then: a pull quote
        // or a repeated word that existed before cannot be where this passage went.
        if (c.Foreign > 0.5)
            return false;
        var isShort = request.Exact.Length < ShortQuote;
        if (c.Near)
            return !isShort || c.Own >= 0.5 || c.Context.Combined >= 0.6;
        // Far from where the diff put the passage: only a passage that took its surroundings along (a moved
        // paragraph) qualifies. If the diff shows the passage rewritten in place, both sides must agree.
        if (hasImage || isShort)
            return c.Context.Min >= StrongSide;
        return c.Context.Max >= 0.8 && c.Context.Combined >= 0.5;
    }

    private static bool Overlaps(Candidate a, Candidate b) => a.Start < b.End && b.Start < a.End;

    // The diff may hand over whitespace next to the passage along with a rewrite; a quote without it should not grow it.
    private (int Start, int End) TrimLike(string exact, int start, int end)
    {
        if (!char.IsWhiteSpace(exact[0]))
            while (start < end && char.IsWhiteSpace(newText[start]))
                start++;
        if (!char.IsWhiteSpace(exact[^1]))
            while (end > start && char.IsWhiteSpace(newText[end - 1]))
                end--;
        return (start, end);
    }

    private List<(int Start, int End, int Distance)> ApproximateMatches(Request request, BitParallelPattern pattern)
    {
        var found = new List<(int, int, int)>();
        var exact = request.Exact;
        var maxErrors = (int)(exact.Length * MaxErrorRatio);
        if (maxErrors == 0)
            return found;
        BitParallelPattern? reversed = null;
        var slack = exact.Length + maxErrors + 32;
        Search(request.ExpectedStart - slack, request.ExpectedEnd + slack);
        // A passage the diff saw deleted may have been moved and edited: look in the text the edit inserted.
        foreach (var (start, end) in map.Insertions())
        {
            var inserted = end - start;
            // Only insertions that could hold most of the quote: a scattered rewrite inserts hundreds of single words.
            if (inserted * 4 >= exact.Length * 3 && inserted >= MinInsertionSearched && inserted <= MaxInsertionSearched)
                Search(start - exact.Length, end + exact.Length);
        }
        return found;

        void Search(int from, int to)
        {
            from = Math.Max(0, from);
            to = Math.Min(newText.Length, to);
            if (to - from < exact.Length - maxErrors)
                return;
            var ends = ArrayPool<int>.Shared.Rent(to - from + 1);
            try
            {
                pattern.SearchEnds(newText.AsSpan(from, to - from), ends);
                foreach (var (end, distance) in BestEnds(ends.AsSpan(0, to - from + 1), maxErrors, exact.Length))
                {
                    reversed ??= new BitParallelPattern(Reverse(exact));
                    var start = StartOf(reversed, from, from + end, distance, maxErrors);
                    if (start is { } s)
                        found.Add((CodeUnits.SnapStart(newText, s), CodeUnits.SnapEnd(newText, from + end), distance));
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(ends);
            }
        }
    }

    // Local minima of the distance at or below the bound, best first, at most three that do not overlap.
    private static List<(int End, int Distance)> BestEnds(ReadOnlySpan<int> ends, int maxErrors, int length)
    {
        var minima = new List<(int End, int Distance)>();
        for (var j = 1; j < ends.Length; j++)
        {
            if (ends[j] <= maxErrors && ends[j] <= ends[j - 1] && (j + 1 == ends.Length || ends[j + 1] > ends[j]))
                minima.Add((j, ends[j]));
        }
        minima.Sort((a, b) => a.Distance.CompareTo(b.Distance));
        var chosen = new List<(int End, int Distance)>();
        foreach (var m in minima)
        {
            if (chosen.TrueForAll(c => Math.Abs(c.End - m.End) > length / 2))
                chosen.Add(m);
            if (chosen.Count == 3)
                break;
        }
        return chosen;
    }

    // Runs the reversed quote backwards from a match end to find where the match starts; among equally good
    // starts the one giving a match closest to the quote's own length wins.
    private int? StartOf(BitParallelPattern reversed, int windowStart, int end, int distance, int maxErrors)
    {
        var from = Math.Max(0, Math.Min(windowStart, end - reversed.Length - maxErrors));
        from = Math.Max(from, end - reversed.Length - maxErrors);
        var span = Reverse(newText.AsSpan(from, end - from));
        var ends = ArrayPool<int>.Shared.Rent(span.Length + 1);
        try
        {
            reversed.SearchEnds(span, ends);
            int? best = null;
            var bestDistance = int.MaxValue;
            for (var t = 1; t <= span.Length; t++)
            {
                if (ends[t] < bestDistance || (ends[t] == bestDistance && best is { } b && Math.Abs(t - reversed.Length) < Math.Abs(b - reversed.Length)))
                {
                    bestDistance = ends[t];
                    best = t;
                }
            }
            return best is { } length && bestDistance <= distance ? end - length : null;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ends);
        }
    }

    private static char[] Reverse(ReadOnlySpan<char> text)
    {
        var copy = text.ToArray();
        Array.Reverse(copy);
        return copy;
    }
}
