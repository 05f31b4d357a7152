using System.Globalization;
using System.Text;

namespace Byline.Web.Comments;

/// <summary>
/// The one place where text from a client becomes text Byline stores: NFC, no NUL or other controls,
/// no bidi overrides (they let a comment disguise what it says), no unpaired surrogates.
/// Legitimate RTL text, CJK and emoji pass through unchanged.
/// </summary>
public static class TextInput
{
    public enum Problem
    {
        None,

        /// <summary>Unpaired surrogates or U+FFFD, which is what invalid UTF-8 decodes to.</summary>
        InvalidEncoding,
    }

    /// <summary>Cleans multi-line text (a comment body). Line endings become \n; leading and trailing blank space is trimmed.</summary>
    public static (string Text, Problem Problem) CleanMultiline(string? raw) => Clean(raw, multiline: true);

    /// <summary>Cleans a one-line value (a name): every run of whitespace becomes one space.</summary>
    public static (string Text, Problem Problem) CleanSingleLine(string? raw) => Clean(raw, multiline: false);

    /// <summary>User-perceived characters (grapheme clusters): what "10,000 characters" means to a writer of any script.</summary>
    public static int CountCharacters(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>
    /// Whether text is too long for a field of <paramref name="max"/> characters stored in a column of that length.
    /// PostgreSQL counts code points, and one character a reader sees (a flag, a family emoji, a Devanagari syllable)
    /// can be several, so the code-point count decides: it is never smaller than the visible count.
    /// </summary>
    public static bool IsLongerThan(string text, int max) =>
        // Each code point is one or two UTF-16 units: past 2 × max units, there are surely more than max code points.
        text.Length > max * 2 || (text.Length > max && text.EnumerateRunes().Count() > max);

    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static (string, Problem) Clean(string? raw, bool multiline)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return ("", Problem.None);
        }

        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\uFFFD')
            {
                return ("", Problem.InvalidEncoding);
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= raw.Length || !char.IsLowSurrogate(raw[i + 1]))
                {
                    return ("", Problem.InvalidEncoding);
                }
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return ("", Problem.InvalidEncoding);
            }
        }

        var builder = new StringBuilder(raw.Length);
        var lastWasSpace = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\r')
            {
                if (i + 1 < raw.Length && raw[i + 1] == '\n')
                {
                    continue;
                }
                c = '\n';
            }

            if (IsBidiControl(c))
            {
                continue;
            }

            var isLineBreak = c is '\n' or '\u2028' or '\u2029';
            if (!multiline && (isLineBreak || char.IsWhiteSpace(c)))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }
                lastWasSpace = true;
                continue;
            }

            if (char.IsControl(c) && c is not ('\n' or '\t'))
            {
                continue;
            }

            builder.Append(c);
            lastWasSpace = false;
        }

        var text = builder.ToString().Trim();
        return (text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC), Problem.None);
    }
}
