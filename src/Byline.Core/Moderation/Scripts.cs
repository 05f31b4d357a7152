using System.Globalization;
using System.Text;

namespace Byline.Core.Moderation;

/// <summary>The writing systems moderation tells apart. Codes are ISO 15924 where one exists.</summary>
internal enum Script
{
    None, Latin, Cyrillic, Greek, Armenian, Hebrew, Arabic, Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Telugu,
    Kannada, Malayalam, Sinhala, Thai, Lao, Myanmar, Georgian, Hangul, Ethiopic, Khmer, Hiragana, Katakana, Han, Other,
}

internal static class Scripts
{
    /// <summary>The script of a letter, digit or mark by its block; <see cref="Script.None"/> for anything else.</summary>
    public static Script Of(int c) => c switch
    {
        < 0x41 => Script.None,
        <= 0x5A => Script.Latin,
        >= 0x61 and <= 0x7A => Script.Latin,
        < 0xC0 => c is 0xAA or 0xBA ? Script.Latin : Script.None,
        0xD7 or 0xF7 => Script.None,
        <= 0x2AF => Script.Latin,
        < 0x370 => Script.None,
        <= 0x3FF => Script.Greek,
        <= 0x52F => Script.Cyrillic,
        <= 0x58F => Script.Armenian,
        <= 0x5FF => Script.Hebrew,
        <= 0x6FF => Script.Arabic,
        >= 0x750 and <= 0x77F => Script.Arabic,
        >= 0x870 and <= 0x8FF => Script.Arabic,
        >= 0x900 and <= 0x97F => Script.Devanagari,
        >= 0x980 and <= 0x9FF => Script.Bengali,
        >= 0xA00 and <= 0xA7F => Script.Gurmukhi,
        >= 0xA80 and <= 0xAFF => Script.Gujarati,
        >= 0xB80 and <= 0xBFF => Script.Tamil,
        >= 0xC00 and <= 0xC7F => Script.Telugu,
        >= 0xC80 and <= 0xCFF => Script.Kannada,
        >= 0xD00 and <= 0xD7F => Script.Malayalam,
        >= 0xD80 and <= 0xDFF => Script.Sinhala,
        >= 0xE00 and <= 0xE7F => Script.Thai,
        >= 0xE80 and <= 0xEFF => Script.Lao,
        >= 0x1000 and <= 0x109F => Script.Myanmar,
        >= 0x10A0 and <= 0x10FF => Script.Georgian,
        >= 0x1100 and <= 0x11FF => Script.Hangul,
        >= 0x1200 and <= 0x139F => Script.Ethiopic,
        >= 0x1780 and <= 0x17FF => Script.Khmer,
        >= 0x1C80 and <= 0x1C8F => Script.Cyrillic,
        >= 0x1C90 and <= 0x1CBF => Script.Georgian,
        >= 0x1E00 and <= 0x1EFF => Script.Latin,
        >= 0x1F00 and <= 0x1FFF => Script.Greek,
        >= 0x2C60 and <= 0x2C7F => Script.Latin,
        >= 0x2DE0 and <= 0x2DFF => Script.Cyrillic,
        0x3005 or 0x3007 => Script.Han,
        >= 0x3041 and <= 0x309F => Script.Hiragana,
        >= 0x30A0 and <= 0x30FF => Script.Katakana,
        >= 0x3130 and <= 0x318F => Script.Hangul,
        >= 0x31F0 and <= 0x31FF => Script.Katakana,
        >= 0x3400 and <= 0x4DBF => Script.Han,
        >= 0x4E00 and <= 0x9FFF => Script.Han,
        >= 0xA640 and <= 0xA69F => Script.Cyrillic,
        >= 0xA720 and <= 0xA7FF => Script.Latin,
        >= 0xA960 and <= 0xA97F => Script.Hangul,
        >= 0xAB30 and <= 0xAB6F => Script.Latin,
        >= 0xAC00 and <= 0xD7FF => Script.Hangul,
        >= 0xF900 and <= 0xFAFF => Script.Han,
        >= 0xFB1D and <= 0xFB4F => Script.Hebrew,
        >= 0xFB50 and <= 0xFDFF => Script.Arabic,
        >= 0xFE70 and <= 0xFEFF => Script.Arabic,
        >= 0xFF21 and <= 0xFF3A => Script.Latin,
        >= 0xFF41 and <= 0xFF5A => Script.Latin,
        >= 0xFF66 and <= 0xFF9F => Script.Katakana,
        >= 0xFFA0 and <= 0xFFDC => Script.Hangul,
        >= 0x20000 and <= 0x3134F => Script.Han,
        _ => IsWordRune(c) ? Script.Other : Script.None,
    };

    /// <summary>Scripts written without spaces between words: terms match inside runs, features are character bigrams.</summary>
    public static bool IsSpaceless(Script s) =>
        s is Script.Han or Script.Hiragana or Script.Katakana or Script.Thai or Script.Lao or Script.Khmer or Script.Myanmar;

    public static bool IsSpaceless(int c) => IsSpaceless(Of(c));

    /// <summary>Letters, digits and marks: what words are made of.</summary>
    public static bool IsWordRune(int c)
    {
        if (c < 0x80)
            return c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
        return Rune.GetUnicodeCategory(new Rune(c)) is
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
            UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    public static bool IsLetterRune(int c)
    {
        if (c < 0x80)
            return c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
        return Rune.GetUnicodeCategory(new Rune(c)) is
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
            UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;
    }

    public static bool IsMark(int c) =>
        c >= 0x300 && Rune.GetUnicodeCategory(new Rune(c)) is
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>The code point at <paramref name="i"/>; a lone surrogate reads as U+FFFD.</summary>
    public static int At(string s, int i, out int width)
    {
        char c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, s[i + 1]);
        }
        width = 1;
        return char.IsSurrogate(c) ? 0xFFFD : c;
    }
}
