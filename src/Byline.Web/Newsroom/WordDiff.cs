using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Byline.Web.Newsroom;

/// <summary>
/// A word-level diff of two texts, as runs of unchanged, deleted and inserted text. Pure: no ASP.NET, no EF.
/// </summary>
/// <remarks>
/// Tokens are words, runs of whitespace, and single punctuation marks or symbols (an emoji, with its modifiers and
/// joiners, is one symbol). Chinese and Japanese write without spaces, so each ideograph or kana is a token of its
/// own: changing one character then marks that character, not the whole sentence. Tokens never split a grapheme
/// cluster, so a diff never cuts an emoji or a combining accent in half.
/// </remarks>
public static class WordDiff
{
    public enum Kind
    {
        Same,
        Deleted,
        Inserted,
    }

    public sealed record Run(Kind Kind, string Text);

    private static readonly IChunker Chunker = new CustomFunctionChunker(text => [.. Tokenize(text)]);

    /// <summary>The runs that turn <paramref name="before"/> into <paramref name="after"/>; within a change, deletions come first.</summary>
    public static IReadOnlyList<Run> Compare(string? before, string? after)
    {
        before ??= "";
        after ??= "";
        if (before == after)
        {
            return before.Length == 0 ? [] : [new Run(Kind.Same, before)];
        }
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, Chunker);
        IReadOnlyList<string> oldTokens = result.PiecesOld;
        IReadOnlyList<string> newTokens = result.PiecesNew;
        var runs = new List<Run>();
        var oldAt = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(runs, Kind.Same, oldTokens, oldAt, block.DeleteStartA - oldAt);
            Add(runs, Kind.Deleted, oldTokens, block.DeleteStartA, block.DeleteCountA);
            Add(runs, Kind.Inserted, newTokens, block.InsertStartB, block.InsertCountB);
            oldAt = block.DeleteStartA + block.DeleteCountA;
        }
        Add(runs, Kind.Same, oldTokens, oldAt, oldTokens.Count - oldAt);
        return Tidy(runs);
    }

    public static bool HasChanges(IReadOnlyList<Run> runs) => runs?.Any(r => r.Kind != Kind.Same) == true;

    /// <summary>The tokens a text is compared by; concatenated, they are the text again.</summary>
    public static IEnumerable<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var token = new StringBuilder();
        var tokenClass = TokenClass.None;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var elementClass = Classify(element);
            var joins = elementClass == tokenClass && elementClass is TokenClass.Word or TokenClass.Space;
            if (!joins && token.Length > 0)
            {
                yield return token.ToString();
                token.Clear();
            }
            token.Append(element);
            tokenClass = elementClass;
        }
        if (token.Length > 0)
        {
            yield return token.ToString();
        }
    }

    private enum TokenClass
    {
        None,
        Word,
        Space,
        Single,
    }

    private static TokenClass Classify(string element)
    {
        var rune = Rune.GetRuneAt(element, 0);
        if (Rune.IsWhiteSpace(rune))
        {
            return TokenClass.Space;
        }
        if (IsUnspacedScript(rune.Value))
        {
            return TokenClass.Single;
        }
        return Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation
            ? TokenClass.Word
            : TokenClass.Single;
    }

    /// <summary>Han ideographs, kana and their punctuation: scripts written without spaces between words.</summary>
    private static bool IsUnspacedScript(int c) =>
        c is >= 0x3000 and <= 0x30FF         // CJK punctuation, hiragana, katakana
        or >= 0x3400 and <= 0x4DBF           // Han extension A
        or >= 0x4E00 and <= 0x9FFF           // Han
        or >= 0xF900 and <= 0xFAFF           // Han compatibility
        or >= 0xFF00 and <= 0xFFEF           // full-width forms
        or >= 0x20000 and <= 0x3FFFF;        // Han extensions B and later

    private static void Add(List<Run> runs, Kind kind, IReadOnlyList<string> tokens, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }
        var text = string.Concat(tokens.Skip(start).Take(count));
        runs.Add(new Run(kind, text));
    }

    /// <summary>
    /// Reads as a person would mark up a change: a lone space kept between two changes is folded into both, so that
    /// "the cat sat" → "a dog sat" shows "[-the cat-][+a dog+] sat", not two interleaved word swaps.
    /// </summary>
    private static List<Run> Tidy(List<Run> runs)
    {
        var folded = new List<Run>(runs.Count);
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var between = run.Kind == Kind.Same && string.IsNullOrWhiteSpace(run.Text)
                && i > 0 && runs[i - 1].Kind != Kind.Same && i + 1 < runs.Count && runs[i + 1].Kind != Kind.Same;
            if (between)
            {
                folded.Add(run with { Kind = Kind.Deleted });
                folded.Add(run with { Kind = Kind.Inserted });
            }
            else
            {
                folded.Add(run);
            }
        }

        // Gather each stretch of changes into one deletion followed by one insertion.
        var tidy = new List<Run>(folded.Count);
        var deleted = new StringBuilder();
        var inserted = new StringBuilder();
        void Flush()
        {
            if (deleted.Length > 0)
            {
                tidy.Add(new Run(Kind.Deleted, deleted.ToString()));
            }
            if (inserted.Length > 0)
            {
                tidy.Add(new Run(Kind.Inserted, inserted.ToString()));
            }
            deleted.Clear();
            inserted.Clear();
        }
        foreach (var run in folded)
        {
            switch (run.Kind)
            {
                case Kind.Deleted:
                    deleted.Append(run.Text);
                    break;
                case Kind.Inserted:
                    inserted.Append(run.Text);
                    break;
                default:
                    Flush();
                    tidy.Add(run);
                    break;
            }
        }
        Flush();
        return tidy;
    }
}
