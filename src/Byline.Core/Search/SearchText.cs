using System.Globalization;
using System.Text;
using Byline.Core.Moderation;

namespace Byline.Core.Search;

/// <summary>
/// Turns text into the terms the search engines index, and a query into the terms it asks for, in C# and so the same
/// way for SQLite and PostgreSQL: each engine only splits the terms at spaces and stems English.
/// </summary>
/// <remarks>
/// Folding makes a word match however it is written: compatibility forms (full-width letters, ligatures), case,
/// Latin, Greek and Cyrillic accents, Arabic and Hebrew vowel marks, hamza seats, tatweel and the alef, yeh and teh
/// marbuta variants. Scripts written without spaces (Chinese, Japanese, Thai…) and Korean have no words to split at,
/// so their runs are indexed as every character and every pair of neighbouring characters: a query of one character
/// looks for that character, a longer one for all of its pairs. That finds 农场 inside any sentence without a
/// dictionary, at the cost of rare false matches where the pairs occur apart.
/// </remarks>
public static class SearchText
{
    /// <summary>A run of word characters of one kind, in UTF-16 positions of the text it came from.</summary>
    public readonly record struct Span(int Start, int Length, bool Spaceless);

    /// <summary>Longer "words" (hashes, pasted junk) are not indexed; PostgreSQL drops them too, at 2047 bytes.</summary>
    public const int MaxWordLength = 64;

    /// <summary>A query asks for at most this many terms; the rest of a pasted paragraph is ignored.</summary>
    public const int MaxQueryTerms = 12;

    /// <summary>The runs of letters, digits and marks in <paramref name="text"/>, split where a spaceless script starts or ends.</summary>
    public static IEnumerable<Span> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = -1;
        var spaceless = false;
        for (var i = 0; i < text.Length;)
        {
            var c = Scripts.At(text, i, out var width);
            if (Scripts.IsMark(c) && start >= 0)
            {
                // A mark belongs to the letter before it, whatever its block.
            }
            else if (Scripts.IsWordRune(c))
            {
                var kind = IsSpaceless(c);
                if (start >= 0 && kind != spaceless)
                {
                    yield return new Span(start, i - start, spaceless);
                    start = -1;
                }
                if (start < 0)
                {
                    start = i;
                    spaceless = kind;
                }
            }
            else if (start >= 0)
            {
                yield return new Span(start, i - start, spaceless);
                start = -1;
            }
            i += width;
        }
        if (start >= 0)
        {
            yield return new Span(start, text.Length - start, spaceless);
        }
    }

    /// <summary>The folded form of a word (see the remarks on <see cref="SearchText"/>).</summary>
    public static string Fold(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (Ascii.IsValid(word))
        {
            // Most words are plain ASCII, which no normalization changes and no mapping below touches but case: the
            // same answer without two normalizations (a third of the time of indexing and of making snippets).
            return word.ToLowerInvariant();
        }
        string decomposed;
        try
        {
            decomposed = word.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            // Ill-formed UTF-16 (a lone surrogate) cannot be normalized; fold what is there.
            decomposed = word;
        }
        var folded = new StringBuilder(decomposed.Length);
        var baseScript = Script.None;
        for (var i = 0; i < decomposed.Length;)
        {
            var c = Scripts.At(decomposed, i, out var width);
            i += width;
            if (Scripts.IsMark(c))
            {
                if (baseScript is Script.Latin or Script.Greek or Script.Cyrillic or Script.Arabic or Script.Hebrew
                    && Rune.GetUnicodeCategory(new Rune(c)) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }
                folded.Append(char.ConvertFromUtf32(c));
                continue;
            }
            baseScript = Scripts.Of(c);
            var mapped = c switch
            {
                0x640 => -1,            // tatweel only stretches a line
                0x671 => 0x627,         // alef wasla → alef (the hamza forms lose their hamza mark above)
                0x649 => 0x64A,         // alef maksura → yeh
                0x629 => 0x647,         // teh marbuta → heh
                0x3C2 => 0x3C3,         // final sigma → sigma
                _ => Rune.ToLowerInvariant(new Rune(c)).Value,
            };
            if (mapped >= 0)
            {
                folded.Append(char.ConvertFromUtf32(mapped));
            }
        }
        try
        {
            return folded.ToString().Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return folded.ToString();
        }
    }

    /// <summary>The terms to index for <paramref name="text"/>, separated by spaces.</summary>
    public static string IndexTerms(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var terms = new StringBuilder(text.Length + text.Length / 2);
        foreach (var (term, spaceless) in FoldedWords(text))
        {
            if (spaceless)
            {
                var characters = Characters(term);
                for (var i = 0; i < characters.Count; i++)
                {
                    Append(terms, characters[i]);
                    if (i + 1 < characters.Count)
                    {
                        Append(terms, characters[i] + characters[i + 1]);
                    }
                }
            }
            else if (!StopWords.Contains(term))
            {
                Append(terms, term);
            }
        }
        return terms.ToString();
    }

    /// <summary>
    /// The terms a query asks for, all of which a match must contain: its words (without English stop words, which
    /// are not indexed) and, for spaceless runs, the run's characters pairs (a single character alone).
    /// </summary>
    public static IReadOnlyList<string> QueryTerms(string? query)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(query))
        {
            return terms;
        }
        foreach (var (term, spaceless) in FoldedWords(query.Length > 500 ? query[..500] : query))
        {
            if (spaceless)
            {
                var characters = Characters(term);
                if (characters.Count == 1)
                {
                    Add(characters[0]);
                }
                for (var i = 0; i + 1 < characters.Count; i++)
                {
                    Add(characters[i] + characters[i + 1]);
                }
            }
            else if (!StopWords.Contains(term))
            {
                Add(term);
            }
        }
        return terms;

        void Add(string term)
        {
            if (terms.Count < MaxQueryTerms && !terms.Contains(term, StringComparer.Ordinal))
            {
                terms.Add(term);
            }
        }
    }

    /// <summary>Whether a term is of a spaceless script (a character or a pair), as opposed to a word.</summary>
    public static bool IsSpacelessTerm(string term) =>
        !string.IsNullOrEmpty(term) && IsSpaceless(Scripts.At(term, 0, out _));

    /// <summary>The characters of a folded spaceless run, each with the marks that follow it (Thai vowels, kana voicing).</summary>
    public static List<string> Characters(string run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var characters = new List<string>(run.Length);
        var start = 0;
        for (var i = 0; i < run.Length;)
        {
            var c = Scripts.At(run, i, out var width);
            if (i > start && !Scripts.IsMark(c))
            {
                characters.Add(run[start..i]);
                start = i;
            }
            i += width;
        }
        if (run.Length > start)
        {
            characters.Add(run[start..]);
        }
        return characters;
    }

    /// <summary>Spaceless scripts, and Korean: its words carry particles, so pairs find them better than whole words.</summary>
    private static bool IsSpaceless(int c) => Scripts.Of(c) is var s && (Scripts.IsSpaceless(s) || s == Script.Hangul);

    /// <summary>
    /// The folded words of a text. Folding can itself produce separators (½ becomes 1⁄2), so the folded text is split
    /// again: the engines then see only runs of word characters, and nothing their own parsers would split or read
    /// as query syntax.
    /// </summary>
    private static IEnumerable<(string Term, bool Spaceless)> FoldedWords(string text)
    {
        foreach (var span in Words(text))
        {
            var folded = Fold(text.Substring(span.Start, span.Length));
            foreach (var part in Words(folded))
            {
                if (part.Length <= MaxWordLength || part.Spaceless)
                {
                    yield return (folded.Substring(part.Start, part.Length), part.Spaceless);
                }
            }
        }
    }

    private static void Append(StringBuilder terms, string term)
    {
        if (terms.Length > 0)
        {
            terms.Append(' ');
        }
        terms.Append(term);
    }

    /// <summary>
    /// English function words, which neither engine finds worth indexing: PostgreSQL's English configuration drops
    /// these, so SQLite's index leaves them out too and both answer the same.
    /// </summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves",
        "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their",
        "theirs", "themselves", "what", "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are",
        "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "a", "an",
        "the", "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with", "about",
        "against", "between", "into", "through", "during", "before", "after", "above", "below", "to", "from", "up",
        "down", "in", "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when",
        "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no",
        "nor", "not", "only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don",
        "should", "now",
    };
}
