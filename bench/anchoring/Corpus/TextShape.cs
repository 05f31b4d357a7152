using System.Globalization;

namespace Byline.Bench.Anchoring.Corpus;

/// <summary>Words, sentences and paragraphs of a text as UTF-16 ranges, for choosing passages and edits.</summary>
internal sealed class TextShape
{
    public TextShape(string text)
    {
        Text = text;
        Words = FindWords(text);
        Sentences = FindSentences(text);
        Paragraphs = FindParagraphs(text);
    }

    public string Text { get; }
    public IReadOnlyList<(int Start, int End)> Words { get; }
    public IReadOnlyList<(int Start, int End)> Sentences { get; }
    public IReadOnlyList<(int Start, int End)> Paragraphs { get; }

    public static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF';

    // A word is a run of letters/digits (with marks), each CJK character alone, or one emoji.
    private static List<(int, int)> FindWords(string text)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsCjk(c))
            {
                words.Add((i, i + 1));
                i++;
            }
            else if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < text.Length && !IsCjk(text[i]) && (char.IsLetterOrDigit(text[i]) || IsMark(text[i])
                       || (text[i] is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                    i++;
                words.Add((start, i));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length)
            {
                words.Add((i, i + 2));
                i += 2;
            }
            else
            {
                i++;
            }
        }
        return words;
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static List<(int, int)> FindSentences(string text)
    {
        var sentences = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = -1;
            if (c is '。' or '！' or '？')
                end = i + 1;
            else if (c is '.' or '!' or '?' or '؟' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
                end = i + 1;
            else if (c is '"' or '”' or '»' && i > 0 && text[i - 1] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
                end = i + 1;
            else if (c == '\n')
                end = i;
            if (end < 0)
                continue;
            if (end > start)
                sentences.Add((start, end));
            start = end;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
                start++;
            i = Math.Max(i, start - 1);
        }
        if (start < text.Length)
            sentences.Add((start, text.Length));
        return sentences;
    }

    private static List<(int, int)> FindParagraphs(string text)
    {
        var paragraphs = new List<(int, int)>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0)
                end = text.Length;
            paragraphs.Add((start, end));
            start = end + 2;
        }
        return paragraphs;
    }
}
