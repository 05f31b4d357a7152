using System.Globalization;
using DiffPlex;

namespace Byline.Core.Anchoring;

/// <summary>
/// Splits text into the units the edit diff compares: word runs, whitespace runs, and single characters for
/// punctuation, emoji and CJK ideographs/kana. A character-level diff of a 2,000-word story is too slow and aligns
/// unrelated letters; a whitespace word split would make a whole CJK sentence (no spaces) one "word".
/// </summary>
internal sealed class DiffTokens : IChunker
{
    public static readonly DiffTokens Instance = new();

    public IReadOnlyList<string> Chunk(string text)
    {
        var tokens = new List<string>(text.Length / 3 + 1);
        var i = 0;
        while (i < text.Length)
        {
            var end = TokenEnd(text, i);
            tokens.Add(text[i..end]);
            i = end;
        }
        return tokens;
    }

    private static int TokenEnd(string text, int start)
    {
        var c = text[start];
        if (char.IsHighSurrogate(c) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]))
            return WithMarks(text, start + 2);
        if (char.IsWhiteSpace(c))
        {
            var end = start + 1;
            while (end < text.Length && char.IsWhiteSpace(text[end]))
                end++;
            return end;
        }
        if (IsWordChar(c) && !IsCjk(c))
        {
            var end = start + 1;
            while (end < text.Length && (IsWordChar(text[end]) || IsMark(text[end])) && !IsCjk(text[end]))
                end++;
            return end;
        }
        return WithMarks(text, start + 1);
    }

    // A combining mark or variation selector belongs to the token before it (é as e + U+0301, ❤ + U+FE0F).
    private static int WithMarks(string text, int end)
    {
        while (end < text.Length && IsMark(text[end]))
            end++;
        return end;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    // Scripts written without spaces between words: each character is its own token.
    private static bool IsCjk(char c) =>
        c is >= '\u3040' and <= '\u30FF'      // hiragana, katakana
        or >= '\u3400' and <= '\u4DBF'        // CJK extension A
        or >= '\u4E00' and <= '\u9FFF'        // CJK unified ideographs
        or >= '\uF900' and <= '\uFAFF'        // CJK compatibility ideographs
        or >= '\u0E00' and <= '\u0EFF';       // Thai and Lao
}
