using System.Text;

namespace Byline.Bench.Anchoring.Corpus;

/// <summary>What the generator knows a passage should become: its range in the new text (exactly the same words,
/// or recognisably the same words with a small change), or nothing (the passage is gone).</summary>
internal enum Truth { Exact, Fuzzy, Orphan, Ambiguous }

internal readonly record struct Expectation(Truth Truth, int Start, int End);

/// <summary>
/// Edits of an old text as non-overlapping operations in old offsets, and the new text they produce. Ground truth
/// for a passage comes from these operations (which old characters were copied where, rewritten a little, rewritten
/// wholesale or deleted), never from the diff the algorithm under test computes.
/// </summary>
internal sealed class EditPlan(string oldText)
{
    private enum OpKind { SmallRewrite, LargeRewrite, Insert, Delete, MoveHere }

    private sealed record Op(int OldStart, int OldEnd, string Text, OpKind Kind, int SourceStart = 0, int SourceEnd = 0);

    private enum SegmentKind { Copy, SmallRewrite, LargeRewrite, Insert }

    private readonly record struct Segment(SegmentKind Kind, int OldStart, int OldEnd, int NewStart, int NewEnd);

    private readonly List<Op> ops = [];
    private List<Segment>? segments;
    private string? newText;

    public string OldText => oldText;

    public string NewText => newText ??= Build();

    public int Count => ops.Count;

    public bool IsFree(int start, int end, int margin = 1) =>
        start >= 0 && end <= oldText.Length && ops.TrueForAll(op =>
            end + margin <= op.OldStart || start >= op.OldEnd + margin ||
            (op.Kind == OpKind.MoveHere && (end + margin <= op.SourceStart || start >= op.SourceEnd + margin)
                && (end + margin <= op.OldStart || start >= op.OldEnd + margin)));

    public bool Rewrite(int start, int end, string text, bool small) =>
        Add(new Op(start, end, text, small ? OpKind.SmallRewrite : OpKind.LargeRewrite));

    public bool Insert(int at, string text) => Add(new Op(at, at, text, OpKind.Insert));

    public bool Delete(int start, int end) => Add(new Op(start, end, "", OpKind.Delete));

    /// <summary>Moves old[start..end] to old offset <paramref name="to"/> (outside the moved range).</summary>
    public bool Move(int start, int end, int to)
    {
        if (to > start && to < end || !IsFree(start, end) || !IsFree(to, to))
            return false;
        ops.Add(new Op(start, end, "", OpKind.Delete));
        ops.Add(new Op(to, to, oldText[start..end], OpKind.MoveHere, start, end));
        Invalidate();
        return true;
    }

    private bool Add(Op op)
    {
        if (!IsFree(op.OldStart, op.OldEnd))
            return false;
        ops.Add(op);
        Invalidate();
        return true;
    }

    private void Invalidate()
    {
        segments = null;
        newText = null;
    }

    private string Build()
    {
        var text = new StringBuilder();
        var list = new List<Segment>();
        var at = 0;
        foreach (var op in ops.OrderBy(o => o.OldStart).ThenBy(o => o.OldEnd))
        {
            Copy(at, op.OldStart);
            var newStart = text.Length;
            text.Append(op.Text);
            switch (op.Kind)
            {
                case OpKind.SmallRewrite:
                    list.Add(new Segment(SegmentKind.SmallRewrite, op.OldStart, op.OldEnd, newStart, text.Length));
                    break;
                case OpKind.LargeRewrite:
                    list.Add(new Segment(SegmentKind.LargeRewrite, op.OldStart, op.OldEnd, newStart, text.Length));
                    break;
                case OpKind.Insert:
                    list.Add(new Segment(SegmentKind.Insert, op.OldStart, op.OldStart, newStart, text.Length));
                    break;
                case OpKind.MoveHere:
                    list.Add(new Segment(SegmentKind.Copy, op.SourceStart, op.SourceEnd, newStart, text.Length));
                    break;
            }
            at = Math.Max(at, op.OldEnd);
        }
        Copy(at, oldText.Length);
        segments = list;
        return text.ToString();

        void Copy(int from, int to)
        {
            if (to <= from)
                return;
            list.Add(new Segment(SegmentKind.Copy, from, to, text.Length, text.Length + to - from));
            text.Append(oldText, from, to - from);
        }
    }

    /// <summary>What old[start..end] should become in the new text.</summary>
    public Expectation Expect(int start, int end)
    {
        _ = NewText;
        var length = end - start;
        var covering = segments!.Where(s => s.Kind != SegmentKind.Insert && s.OldStart < end && s.OldEnd > start)
            .OrderBy(s => s.NewStart).ToList();
        foreach (var s in covering)
        {
            if (s.Kind == SegmentKind.Copy && s.OldStart <= start && s.OldEnd >= end)
                return new Expectation(Truth.Exact, s.NewStart + start - s.OldStart, s.NewStart + end - s.OldStart);
        }
        int Overlap(Segment s) => Math.Min(s.OldEnd, end) - Math.Max(s.OldStart, start);
        var covered = covering.Sum(Overlap);
        var lost = length - covered + covering.Where(s => s.Kind == SegmentKind.LargeRewrite).Sum(Overlap);
        if (lost * 2 >= length)
            return new Expectation(Truth.Orphan, 0, 0);
        if (lost > 0 || covering.Count == 0)
            return new Expectation(Truth.Ambiguous, 0, 0);
        // Only copies and small rewrites remain; they must follow each other in the new text (no move split them).
        var changed = 0;
        for (var i = 0; i < covering.Count; i++)
        {
            var s = covering[i];
            if (i > 0)
            {
                var gap = s.NewStart - covering[i - 1].NewEnd;
                if (gap < 0 || s.OldStart != covering[i - 1].OldEnd)
                    return new Expectation(Truth.Ambiguous, 0, 0);
                changed += gap; // text inserted strictly inside the passage
            }
            if (s.Kind == SegmentKind.SmallRewrite)
                changed += Math.Max(s.OldEnd - s.OldStart, s.NewEnd - s.NewStart);
        }
        if (changed * 5 > length)
            return new Expectation(Truth.Ambiguous, 0, 0);
        var first = covering[0];
        var last = covering[^1];
        int newStart, newEnd;
        if (first.Kind == SegmentKind.Copy)
            newStart = first.NewStart + start - first.OldStart;
        else if (first.OldStart == start)
            newStart = first.NewStart;
        else
            return new Expectation(Truth.Ambiguous, 0, 0);
        if (last.Kind == SegmentKind.Copy)
            newEnd = last.NewStart + end - last.OldStart;
        else if (last.OldEnd == end)
            newEnd = last.NewEnd;
        else
            return new Expectation(Truth.Ambiguous, 0, 0);
        return new Expectation(Truth.Fuzzy, newStart, newEnd);
    }
}
