namespace Byline.Core.Anchoring;

/// <summary>
/// Myers' bit-vector edit distance (1999) in Hyyrö's blocked form: one column of the dynamic-programming table is a
/// pair of bit vectors per 64 pattern characters, so a column costs a few word operations per block instead of one
/// cell per pattern character. Quotes are up to 1,000 UTF-16 units, i.e. up to 16 blocks.
/// </summary>
internal sealed class BitParallelPattern
{
    private const int AsciiSize = 128;

    private readonly int length;
    private readonly int blocks;
    private readonly ulong lastRowBit;
    // Row r of the match table holds the bit masks of the r-th distinct pattern character; row 0 is all zeros.
    private readonly ulong[] match;
    private readonly int[] asciiRow = new int[AsciiSize];
    private readonly Dictionary<char, int> otherRow = [];
    private readonly ulong[] positive;
    private readonly ulong[] negative;

    public BitParallelPattern(ReadOnlySpan<char> pattern)
    {
        if (pattern.IsEmpty)
            throw new ArgumentException("The pattern is empty.", nameof(pattern));
        length = pattern.Length;
        blocks = (length + 63) / 64;
        lastRowBit = 1UL << ((length - 1) % 64);
        positive = new ulong[blocks];
        negative = new ulong[blocks];

        var rows = 1;
        var rowOf = new int[length];
        for (var i = 0; i < length; i++)
        {
            var c = pattern[i];
            var row = Row(c);
            if (row == 0)
            {
                row = rows++;
                if (c < AsciiSize)
                    asciiRow[c] = row;
                else
                    otherRow[c] = row;
            }
            rowOf[i] = row;
        }
        match = new ulong[rows * blocks];
        for (var i = 0; i < length; i++)
            match[rowOf[i] * blocks + i / 64] |= 1UL << (i % 64);
    }

    public int Length => length;

    /// <summary>Edit distance between the whole pattern and the whole <paramref name="text"/>.</summary>
    public int Distance(ReadOnlySpan<char> text)
    {
        Reset();
        var score = length;
        foreach (var c in text)
            score += Column(c, topDelta: 1);
        return score;
    }

    /// <summary>
    /// For every end position in <paramref name="text"/>, the least edit distance between the pattern and a substring
    /// of the text ending there (Sellers' search: a match may start anywhere). ends[j] is for a substring ending before text[j].
    /// </summary>
    public void SearchEnds(ReadOnlySpan<char> text, Span<int> ends)
    {
        Reset();
        var score = length;
        ends[0] = score;
        for (var j = 0; j < text.Length; j++)
        {
            score += Column(text[j], topDelta: 0);
            ends[j + 1] = score;
        }
    }

    private void Reset()
    {
        Array.Fill(positive, ulong.MaxValue);
        Array.Clear(negative);
    }

    private int Row(char c) => c < AsciiSize ? asciiRow[c] : otherRow.GetValueOrDefault(c);

    // Advances every block by one text character; topDelta is the horizontal delta of row 0 (0 when a match may start
    // anywhere, 1 when the whole text must match). Returns the horizontal delta of the last pattern row.
    private int Column(char c, int topDelta)
    {
        var rowBase = Row(c) * blocks;
        var carry = topDelta;
        for (var b = 0; b < blocks; b++)
        {
            var high = b == blocks - 1 ? lastRowBit : 1UL << 63;
            carry = Advance(ref positive[b], ref negative[b], match[rowBase + b], carry, high);
        }
        return carry;
    }

    // One block, following Hyyrö's formulation: Pv/Mv are the +1/-1 vertical deltas, Ph/Mh the horizontal ones;
    // hin is the horizontal delta entering the block's top row, and the return value leaves its row `high`.
    private static int Advance(ref ulong pv, ref ulong mv, ulong eq, int hin, ulong high)
    {
        var xv = eq | mv;
        if (hin < 0)
            eq |= 1;
        var xh = (((eq & pv) + pv) ^ pv) | eq;
        var ph = mv | ~(xh | pv);
        var mh = pv & xh;
        var hout = (ph & high) != 0 ? 1 : (mh & high) != 0 ? -1 : 0;
        ph <<= 1;
        mh <<= 1;
        if (hin < 0)
            mh |= 1;
        else if (hin > 0)
            ph |= 1;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
        return hout;
    }
}
