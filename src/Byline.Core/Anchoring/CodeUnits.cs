using System.Globalization;

namespace Byline.Core.Anchoring;

/// <summary>
/// Offsets are UTF-16 code units (what the DOM counts), but an offset must never fall between the two halves of a
/// surrogate pair or between a letter and its combining mark, or the browser would highlight half a character.
/// </summary>
public static class CodeUnits
{
    /// <summary>True when <paramref name="index"/> sits between a high and a low surrogate.</summary>
    public static bool SplitsPair(string text, int index) =>
        index > 0 && index < text.Length && char.IsHighSurrogate(text[index - 1]) && char.IsLowSurrogate(text[index]);

    /// <summary>A passage start moved back onto the character a combining mark or low surrogate belongs to.</summary>
    public static int SnapStart(string text, int index)
    {
        index = Math.Clamp(index, 0, text.Length);
        if (SplitsPair(text, index))
            index--;
        while (index > 0 && index < text.Length && IsMark(text[index]))
            index--;
        return index;
    }

    /// <summary>A passage end moved forward past the rest of a pair and any combining marks of its last character.</summary>
    public static int SnapEnd(string text, int index)
    {
        index = Math.Clamp(index, 0, text.Length);
        if (SplitsPair(text, index))
            index++;
        while (index > 0 && index < text.Length && IsMark(text[index]))
            index++;
        return index;
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
