using DiffPlex;

namespace Byline.Core.Anchoring;

/// <summary>
/// The diff between two texts as changed regions ("hunks") in UTF-16 offsets of both texts; between two hunks the
/// texts are equal. Answers where an old offset went and where a new character came from.
/// </summary>
internal sealed class EditMap
{
    private readonly Hunk[] hunks;
    private readonly int oldLength;
    private readonly int newLength;

    private EditMap(Hunk[] hunks, int oldLength, int newLength)
    {
        this.hunks = hunks;
        this.oldLength = oldLength;
        this.newLength = newLength;
    }

    internal readonly record struct Hunk(int OldStart, int OldEnd, int NewStart, int NewEnd)
    {
        public bool Deletes => OldEnd > OldStart;
    }

    internal IReadOnlyList<Hunk> Hunks => hunks;

    public static EditMap Compute(string oldText, string newText)
    {
        // Most edits touch a small part of a story: diffing only the middle that differs keeps the token diff small.
        var prefix = 0;
        var maxPrefix = Math.Min(oldText.Length, newText.Length);
        while (prefix < maxPrefix && oldText[prefix] == newText[prefix])
            prefix++;
        var suffix = 0;
        var maxSuffix = maxPrefix - prefix;
        while (suffix < maxSuffix && oldText[^(suffix + 1)] == newText[^(suffix + 1)])
            suffix++;
        // Keep emoji whole inside or outside the middle, so tokens never start with half a pair.
        if (CodeUnits.SplitsPair(oldText, prefix) || CodeUnits.SplitsPair(newText, prefix))
            prefix--;
        if (CodeUnits.SplitsPair(oldText, oldText.Length - suffix) || CodeUnits.SplitsPair(newText, newText.Length - suffix))
            suffix--;

        var oldMiddle = oldText.Substring(prefix, oldText.Length - suffix - prefix);
        var newMiddle = newText.Substring(prefix, newText.Length - suffix - prefix);
        if (oldMiddle.Length == 0 && newMiddle.Length == 0)
            return new EditMap([], oldText.Length, newText.Length);
        if (oldMiddle.Length == 0 || newMiddle.Length == 0)
            return new EditMap([new Hunk(prefix, prefix + oldMiddle.Length, prefix, prefix + newMiddle.Length)],
                oldText.Length, newText.Length);

        var diff = Differ.Instance.CreateDiffs(oldMiddle, newMiddle, ignoreWhiteSpace: false, ignoreCase: false, DiffTokens.Instance);
        var oldOffsets = Offsets(diff.PiecesOld, prefix);
        var newOffsets = Offsets(diff.PiecesNew, prefix);
        var result = new List<Hunk>(diff.DiffBlocks.Count);
        foreach (var block in diff.DiffBlocks)
        {
            var hunk = new Hunk(
                oldOffsets[block.DeleteStartA], oldOffsets[block.DeleteStartA + block.DeleteCountA],
                newOffsets[block.InsertStartB], newOffsets[block.InsertStartB + block.InsertCountB]);
            // Blocks that touch merge, so "between two hunks the texts are equal" holds for a non-empty stretch.
            if (result.Count > 0 && result[^1].OldEnd == hunk.OldStart && result[^1].NewEnd == hunk.NewStart)
                result[^1] = result[^1] with { OldEnd = hunk.OldEnd, NewEnd = hunk.NewEnd };
            else
                result.Add(hunk);
        }
        return new EditMap([.. result], oldText.Length, newText.Length);
    }

    private static int[] Offsets(IReadOnlyList<string> pieces, int origin)
    {
        var offsets = new int[pieces.Count + 1];
        offsets[0] = origin;
        for (var i = 0; i < pieces.Count; i++)
            offsets[i + 1] = offsets[i] + pieces[i].Length;
        return offsets;
    }

    /// <summary>True when the edit deleted characters of old[start..end] or inserted text strictly inside it.</summary>
    public bool Touches(int start, int end)
    {
        for (var i = FirstEndingAtOrAfter(start); i < hunks.Length && hunks[i].OldStart <= end; i++)
        {
            var h = hunks[i];
            if (h.Deletes ? h.OldStart < end && h.OldEnd > start : h.OldStart > start && h.OldStart < end)
                return true;
        }
        return false;
    }

    /// <summary>
    /// Where a passage starting at old offset <paramref name="start"/> starts in the new text. Text inserted exactly
    /// at the boundary stays outside the passage; text replacing the passage's first characters is inside it.
    /// </summary>
    public int MapStart(int start)
    {
        var i = FirstEndingAtOrAfter(start);
        if (i < hunks.Length)
        {
            var h = hunks[i];
            if (h.OldStart < start && start < h.OldEnd)
                return Proportional(h, start);
            if (h.OldStart == start && h.Deletes)
                return h.NewStart;
            if (h.OldEnd == start)
                return h.NewEnd;
        }
        return Shifted(start, i);
    }

    /// <summary>Where a passage ending at old offset <paramref name="end"/> ends in the new text (mirror of MapStart).</summary>
    public int MapEnd(int end)
    {
        var i = FirstEndingAtOrAfter(end);
        if (i < hunks.Length)
        {
            var h = hunks[i];
            if (h.OldStart < end && end < h.OldEnd)
                return Proportional(h, end);
            if (h.OldStart == end)
                return h.NewStart;
            if (h.OldEnd == end && h.Deletes)
                return h.NewEnd;
        }
        return Shifted(end, i);
    }

    /// <summary>
    /// Of new[start..end], how many characters were old characters inside old[passageStart..passageEnd] ("own"), and
    /// how many were old characters outside it ("foreign": text that existed before and was not this passage).
    /// The rest was inserted by the edit.
    /// </summary>
    public (int Own, int Foreign) Provenance(int start, int end, int passageStart, int passageEnd)
    {
        int own = 0, foreign = 0;
        // Equal stretch k runs from the end of hunk k-1 to the start of hunk k (k = 0 and k = hunks.Length at the edges).
        var k = FirstEqualStretchEndingAfter(start);
        for (; k <= hunks.Length; k++)
        {
            var (newFrom, oldFrom) = k == 0 ? (0, 0) : (hunks[k - 1].NewEnd, hunks[k - 1].OldEnd);
            var newTo = k == hunks.Length ? newLength : hunks[k].NewStart;
            if (newFrom >= end)
                break;
            var from = Math.Max(newFrom, start);
            var to = Math.Min(newTo, end);
            if (to <= from)
                continue;
            var oldA = oldFrom + (from - newFrom);
            var oldB = oldFrom + (to - newFrom);
            var inside = Math.Max(0, Math.Min(oldB, passageEnd) - Math.Max(oldA, passageStart));
            own += inside;
            foreign += to - from - inside;
        }
        return (own, foreign);
    }

    private static int Proportional(Hunk h, int offset) =>
        h.NewStart + (int)((long)(offset - h.OldStart) * (h.NewEnd - h.NewStart) / (h.OldEnd - h.OldStart));

    private int Shifted(int offset, int nextHunk)
    {
        var shift = nextHunk == 0 ? 0 : hunks[nextHunk - 1].NewEnd - hunks[nextHunk - 1].OldEnd;
        return Math.Clamp(offset + shift, 0, newLength);
    }

    // The first hunk whose old range ends at or after the offset (hunks are sorted and do not overlap).
    private int FirstEndingAtOrAfter(int offset)
    {
        int lo = 0, hi = hunks.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (hunks[mid].OldEnd < offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    private int FirstEqualStretchEndingAfter(int newOffset)
    {
        int lo = 0, hi = hunks.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (hunks[mid].NewStart <= newOffset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    public int OldLength => oldLength;
}
