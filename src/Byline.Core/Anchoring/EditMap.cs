using DiffPlex;
using DiffPlex.Chunkers;

namespace Byline.Core.Anchoring;

/// <summary>
/// The diff between two texts as "runs": stretches of characters that are equal in both texts, with their offsets
/// in each (UTF-16). Old characters outside every run were deleted or rewritten; new characters outside every run's
/// image were inserted. Runs need not be in the same order in both texts: a paragraph that moved is one run.
/// </summary>
/// <remarks>
/// Computed in two levels. Lines (paragraphs) first, so a minimal edit script cannot pair a passage with a copy of
/// it in another paragraph (a pull quote) just because that saves a few characters; a line deleted in one place and
/// inserted verbatim in another is a move. Then tokens (<see cref="DiffTokens"/>) inside each pair of changed lines
/// that still resemble each other.
/// </remarks>
internal sealed class EditMap
{
    internal readonly record struct Run(int OldStart, int NewStart, int Length)
    {
        public int OldEnd => OldStart + Length;
        public int NewEnd => NewStart + Length;
    }

    private readonly Run[] byOld;
    private readonly Run[] byNew;
    private readonly int newLength;

    private EditMap(List<Run> runs, int newLength)
    {
        runs.Sort((a, b) => a.OldStart.CompareTo(b.OldStart));
        var merged = new List<Run>(runs.Count);
        foreach (var run in runs)
        {
            if (run.Length == 0)
                continue;
            if (merged.Count > 0 && merged[^1].OldEnd == run.OldStart && merged[^1].NewEnd == run.NewStart)
                merged[^1] = merged[^1] with { Length = merged[^1].Length + run.Length };
            else
                merged.Add(run);
        }
        byOld = [.. merged];
        byNew = [.. merged.OrderBy(r => r.NewStart)];
        this.newLength = newLength;
    }

    internal IReadOnlyList<Run> Runs => byOld;

    public static EditMap Compute(string oldText, string newText)
    {
        // Most edits touch a few paragraphs: only whole lines between the first and last difference are diffed.
        var prefix = 0;
        var maxPrefix = Math.Min(oldText.Length, newText.Length);
        while (prefix < maxPrefix && oldText[prefix] == newText[prefix])
            prefix++;
        var suffix = 0;
        while (suffix < maxPrefix - prefix && oldText[^(suffix + 1)] == newText[^(suffix + 1)])
            suffix++;
        if (prefix == oldText.Length && prefix == newText.Length)
            return new EditMap([new Run(0, 0, prefix)], newText.Length);
        while (prefix > 0 && oldText[prefix - 1] != '\n')
            prefix--;
        while (suffix > 0 && oldText[^suffix] != '\n')
            suffix--;
        // After the line back-off the suffix starts just past a newline, unless it is the empty suffix.
        if (suffix > 0)
            suffix--;

        var runs = new List<Run> { new(0, 0, prefix), new(oldText.Length - suffix, newText.Length - suffix, suffix) };
        var oldMiddle = oldText[prefix..^suffix];
        var newMiddle = newText[prefix..^suffix];
        if (oldMiddle.Length > 0 && newMiddle.Length > 0)
            LineRuns(oldMiddle, newMiddle, prefix, runs);
        return new EditMap(runs, newText.Length);
    }

    private readonly record struct Line(int Start, string Text);

    private static void LineRuns(string oldText, string newText, int origin, List<Run> runs)
    {
        var diff = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false,
            LineEndingsPreservingChunker.Instance);
        var oldLines = Lines(diff.PiecesOld, origin);
        var newLines = Lines(diff.PiecesNew, origin);

        int oldAt = 0, newAt = 0;
        var deleted = new List<List<int>>();
        var inserted = new List<List<int>>();
        foreach (var block in diff.DiffBlocks)
        {
            AddEqualLines(block.DeleteStartA - oldAt);
            deleted.Add([.. Enumerable.Range(block.DeleteStartA, block.DeleteCountA)]);
            inserted.Add([.. Enumerable.Range(block.InsertStartB, block.InsertCountB)]);
            oldAt = block.DeleteStartA + block.DeleteCountA;
            newAt = block.InsertStartB + block.InsertCountB;
        }
        AddEqualLines(oldLines.Length - oldAt);

        PairMovedLines(oldLines, newLines, deleted, inserted, runs);
        for (var b = 0; b < deleted.Count; b++)
            PairEditedLines(oldLines, newLines, deleted[b], inserted[b], runs);

        void AddEqualLines(int count)
        {
            for (var i = 0; i < count; i++)
                runs.Add(new Run(oldLines[oldAt + i].Start, newLines[newAt + i].Start, oldLines[oldAt + i].Text.Length));
            oldAt += count;
            newAt += count;
        }
    }

    private static Line[] Lines(IReadOnlyList<string> pieces, int origin)
    {
        var lines = new Line[pieces.Count];
        for (var i = 0; i < pieces.Count; i++)
        {
            lines[i] = new Line(origin, pieces[i]);
            origin += pieces[i].Length;
        }
        return lines;
    }

    // A line deleted in one place and inserted verbatim in another, each exactly once, moved: its text is one run.
    private static void PairMovedLines(Line[] oldLines, Line[] newLines, List<List<int>> deleted, List<List<int>> inserted, List<Run> runs)
    {
        const int MinMovedLine = 6;
        var gone = Unique(oldLines, deleted, MinMovedLine);
        var came = Unique(newLines, inserted, MinMovedLine);
        foreach (var (text, oldIndex) in gone)
        {
            if (!came.TryGetValue(text, out var newIndex) || oldIndex < 0 || newIndex < 0)
                continue;
            runs.Add(new Run(oldLines[oldIndex].Start, newLines[newIndex].Start, text.Length));
            foreach (var list in deleted)
                list.Remove(oldIndex);
            foreach (var list in inserted)
                list.Remove(newIndex);
        }
    }

    private static Dictionary<string, int> Unique(Line[] lines, List<List<int>> blocks, int minLength)
    {
        var unique = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var index in blocks.SelectMany(b => b))
        {
            var text = lines[index].Text;
            if (text.Trim().Length < minLength)
                continue;
            unique[text] = unique.ContainsKey(text) ? -1 : index;
        }
        return unique;
    }

    // Within one changed block, pair old and new lines (in order) so that paired lines share as many words as
    // possible, and diff each pair by tokens. A block of one line on each side is always paired: that is a paragraph
    // being edited. Maximising the total, not taking the first fit, keeps a corrected paragraph paired with its
    // correction rather than with a pull quote of its old words inserted next to it.
    private static void PairEditedLines(Line[] oldLines, Line[] newLines, List<int> deleted, List<int> inserted, List<Run> runs)
    {
        const double MinResemblance = 0.5;
        const int MaxLinesPaired = 60;
        if (deleted.Count == 0 || inserted.Count == 0)
            return;
        if (deleted.Count == 1 && inserted.Count == 1)
        {
            TokenRuns(oldLines[deleted[0]], newLines[inserted[0]], runs);
            return;
        }
        if (deleted.Count > MaxLinesPaired || inserted.Count > MaxLinesPaired)
            return;
        var oldBags = deleted.Select(i => WordBag(oldLines[i].Text)).ToArray();
        var newBags = inserted.Select(i => WordBag(newLines[i].Text)).ToArray();
        var resemblance = new double[deleted.Count, inserted.Count];
        for (var o = 0; o < deleted.Count; o++)
            for (var n = 0; n < inserted.Count; n++)
                resemblance[o, n] = Resemblance(oldBags[o], newBags[n]);
        // best[o, n]: the largest total resemblance pairing the first o old lines with the first n new lines.
        var best = new double[deleted.Count + 1, inserted.Count + 1];
        for (var o = 1; o <= deleted.Count; o++)
        {
            for (var n = 1; n <= inserted.Count; n++)
            {
                var pair = resemblance[o - 1, n - 1] >= MinResemblance ? best[o - 1, n - 1] + resemblance[o - 1, n - 1] : double.MinValue;
                best[o, n] = Math.Max(pair, Math.Max(best[o - 1, n], best[o, n - 1]));
            }
        }
        for (int o = deleted.Count, n = inserted.Count; o > 0 && n > 0;)
        {
            if (resemblance[o - 1, n - 1] >= MinResemblance && best[o, n] == best[o - 1, n - 1] + resemblance[o - 1, n - 1])
            {
                TokenRuns(oldLines[deleted[o - 1]], newLines[inserted[n - 1]], runs);
                o--;
                n--;
            }
            else if (best[o, n] == best[o - 1, n])
            {
                o--;
            }
            else
            {
                n--;
            }
        }
    }

    private static Dictionary<string, int> WordBag(string line)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in DiffTokens.Instance.Chunk(line))
        {
            if (!string.IsNullOrWhiteSpace(token))
                bag[token] = bag.GetValueOrDefault(token) + 1;
        }
        return bag;
    }

    private static double Resemblance(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        var shared = a.Sum(pair => Math.Min(pair.Value, b.GetValueOrDefault(pair.Key)));
        var size = Math.Max(a.Values.Sum(), b.Values.Sum());
        return size == 0 ? 0 : (double)shared / size;
    }

    private static void TokenRuns(Line oldLine, Line newLine, List<Run> runs)
    {
        var diff = Differ.Instance.CreateDiffs(oldLine.Text, newLine.Text, ignoreWhiteSpace: false, ignoreCase: false, DiffTokens.Instance);
        var oldOffsets = Offsets(diff.PiecesOld, oldLine.Start);
        var newOffsets = Offsets(diff.PiecesNew, newLine.Start);
        int oldAt = 0, newAt = 0;
        foreach (var block in diff.DiffBlocks)
        {
            var equal = block.DeleteStartA - oldAt;
            runs.Add(new Run(oldOffsets[oldAt], newOffsets[newAt], oldOffsets[oldAt + equal] - oldOffsets[oldAt]));
            oldAt = block.DeleteStartA + block.DeleteCountA;
            newAt = block.InsertStartB + block.InsertCountB;
        }
        var rest = diff.PiecesOld.Count - oldAt;
        runs.Add(new Run(oldOffsets[oldAt], newOffsets[newAt], oldOffsets[oldAt + rest] - oldOffsets[oldAt]));
    }

    private static int[] Offsets(IReadOnlyList<string> pieces, int origin)
    {
        var offsets = new int[pieces.Count + 1];
        offsets[0] = origin;
        for (var i = 0; i < pieces.Count; i++)
            offsets[i + 1] = offsets[i] + pieces[i].Length;
        return offsets;
    }

    /// <summary>True unless old[start..end] lies inside one run (deleted, replaced, or text inserted strictly inside).</summary>
    public bool Touches(int start, int end)
    {
        var i = RunAtOrBefore(start);
        return i < 0 || byOld[i].OldEnd < end;
    }

    /// <summary>
    /// Where a passage starting at old offset <paramref name="start"/> starts in the new text. Text inserted exactly
    /// at the boundary stays outside the passage; text replacing the passage's first characters is inside it.
    /// </summary>
    public int MapStart(int start)
    {
        var i = RunAtOrBefore(start);
        if (i >= 0 && start < byOld[i].OldEnd)
            return byOld[i].NewStart + start - byOld[i].OldStart;
        return InGap(i, start);
    }

    /// <summary>Where a passage ending at old offset <paramref name="end"/> ends in the new text (mirror of MapStart).</summary>
    public int MapEnd(int end)
    {
        var i = RunAtOrBefore(end - 1);
        if (i >= 0 && end <= byOld[i].OldEnd)
            return byOld[i].NewStart + end - byOld[i].OldStart;
        return InGap(i, end);
    }

    // An offset among deleted characters, between run i and run i + 1: the replacement in the new text lies between
    // their images when those are in order; the offset lands proportionally inside it.
    private int InGap(int before, int offset)
    {
        var oldFrom = before >= 0 ? byOld[before].OldEnd : 0;
        var newFrom = before >= 0 ? byOld[before].NewEnd : 0;
        var oldTo = before + 1 < byOld.Length ? byOld[before + 1].OldStart : int.MaxValue;
        var newTo = before + 1 < byOld.Length ? byOld[before + 1].NewStart : newLength;
        if (newTo < newFrom || oldTo == int.MaxValue)
            return Math.Clamp(newFrom, 0, newLength);
        return newFrom + (int)((long)(offset - oldFrom) * (newTo - newFrom) / Math.Max(1, oldTo - oldFrom));
    }

    /// <summary>
    /// Of new[start..end], how many characters were old characters inside old[passageStart..passageEnd] ("own"), and
    /// how many were old characters outside it ("foreign": text that existed before and was not this passage).
    /// The rest was inserted by the edit.
    /// </summary>
    public (int Own, int Foreign) Provenance(int start, int end, int passageStart, int passageEnd)
    {
        int own = 0, foreign = 0;
        for (var k = FirstByNewEndingAfter(start); k < byNew.Length && byNew[k].NewStart < end; k++)
        {
            var run = byNew[k];
            var from = Math.Max(run.NewStart, start);
            var to = Math.Min(run.NewEnd, end);
            if (to <= from)
                continue;
            var oldA = run.OldStart + (from - run.NewStart);
            var oldB = oldA + (to - from);
            var inside = Math.Max(0, Math.Min(oldB, passageEnd) - Math.Max(oldA, passageStart));
            own += inside;
            foreign += to - from - inside;
        }
        return (own, foreign);
    }

    /// <summary>Ranges of the new text that no old character maps to: what the edit inserted.</summary>
    public IEnumerable<(int Start, int End)> Insertions()
    {
        var at = 0;
        foreach (var run in byNew)
        {
            if (run.NewStart > at)
                yield return (at, run.NewStart);
            at = Math.Max(at, run.NewEnd);
        }
        if (at < newLength)
            yield return (at, newLength);
    }

    // The last run (by old offset) starting at or before the offset, or -1.
    private int RunAtOrBefore(int offset)
    {
        int lo = 0, hi = byOld.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (byOld[mid].OldStart <= offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo - 1;
    }

    private int FirstByNewEndingAfter(int offset)
    {
        int lo = 0, hi = byNew.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (byNew[mid].NewEnd <= offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
