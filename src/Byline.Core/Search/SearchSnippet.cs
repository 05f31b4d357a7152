namespace Byline.Core.Search;

/// <summary>
/// A short passage of a result's text around the words a query matched, with the matches marked. Positions are UTF-16
/// offsets into <see cref="Text"/>, as the browser counts them.
/// </summary>
public sealed record SearchSnippet(string Text, IReadOnlyList<SearchSnippet.Highlight> Highlights)
{
    public readonly record struct Highlight(int Start, int Length);

    public const int DefaultLength = 240;

    /// <summary>
    /// The passage of <paramref name="text"/> (at most about <paramref name="length"/> characters, cut at word
    /// boundaries) holding the most matches of <paramref name="terms"/> (from <see cref="SearchText.QueryTerms"/>);
    /// the text's beginning when nothing in it matches (the story matched by its headline or tags).
    /// </summary>
    public static SearchSnippet Of(string text, IReadOnlyList<string> terms, int length = DefaultLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        text = Collapse(text);
        var matches = Matches(text, terms);
        var (from, to) = Window(text, matches, length);
        var passage = new System.Text.StringBuilder();
        if (from > 0)
        {
            passage.Append('…');
        }
        var shift = passage.Length - from;
        passage.Append(text, from, to - from);
        if (to < text.Length)
        {
            passage.Append('…');
        }
        var highlights = matches
            .Where(m => m.Start >= from && m.Start + m.Length <= to)
            .Select(m => new Highlight(m.Start + shift, m.Length))
            .ToList();
        return new SearchSnippet(passage.ToString(), highlights);
    }

    /// <summary>Where each term occurs: words whose folded form matches a word term, and character runs matching a CJK term.</summary>
    private static List<Highlight> Matches(string text, IReadOnlyList<string> terms)
    {
        var words = terms.Where(t => !SearchText.IsSpacelessTerm(t)).Select(Stem).ToHashSet(StringComparer.Ordinal);
        var runs = terms.Where(SearchText.IsSpacelessTerm).Select(SearchText.Characters).ToList();
        var matches = new List<Highlight>();
        foreach (var span in SearchText.Words(text))
        {
            if (matches.Count >= 500)
            {
                break;
            }
            if (!span.Spaceless)
            {
                if (words.Count > 0 && words.Contains(Stem(SearchText.Fold(text.Substring(span.Start, span.Length)))))
                {
                    matches.Add(new Highlight(span.Start, span.Length));
                }
                continue;
            }
            if (runs.Count == 0)
            {
                continue;
            }
            // Fold character by character so each folded character knows where it came from.
            var characters = new List<(int Start, int Length, string Folded)>();
            var original = text.Substring(span.Start, span.Length);
            var offset = 0;
            foreach (var character in SearchText.Characters(original))
            {
                characters.Add((span.Start + offset, character.Length, SearchText.Fold(character)));
                offset += character.Length;
            }
            var covered = -1;
            for (var i = 0; i < characters.Count; i++)
            {
                foreach (var run in runs)
                {
                    if (i + run.Count <= characters.Count && Enumerable.Range(0, run.Count).All(k => characters[i + k].Folded == run[k]))
                    {
                        var end = characters[i + run.Count - 1].Start + characters[i + run.Count - 1].Length;
                        var start = Math.Max(characters[i].Start, covered);
                        if (end > start)
                        {
                            // Pairs of a longer query overlap: extend the previous mark rather than nest marks.
                            if (matches.Count > 0 && matches[^1].Start + matches[^1].Length == start)
                            {
                                matches[^1] = matches[^1] with { Length = end - matches[^1].Start };
                            }
                            else
                            {
                                matches.Add(new Highlight(start, end - start));
                            }
                            covered = end;
                        }
                    }
                }
            }
        }
        return matches;
    }

    /// <summary>The window with the most matches, starting a little before its first one, cut at spaces.</summary>
    private static (int From, int To) Window(string text, List<Highlight> matches, int length)
    {
        if (text.Length <= length)
        {
            return (0, text.Length);
        }
        var best = 0;
        var bestCount = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var count = 0;
            for (var j = i; j < matches.Count && matches[j].Start + matches[j].Length <= matches[i].Start + length - 40; j++)
            {
                count++;
            }
            if (count > bestCount)
            {
                (best, bestCount) = (i, count);
            }
        }
        var from = bestCount == 0 ? 0 : Math.Max(0, matches[best].Start - 40);
        if (from > 0)
        {
            var space = text.IndexOf(' ', from, Math.Min(20, matches[best].Start - from));
            from = space >= 0 ? space + 1 : from;
        }
        var to = Math.Min(text.Length, from + length);
        if (to < text.Length)
        {
            var space = text.LastIndexOf(' ', to - 1, Math.Min(30, to - from));
            to = space > from ? space : to;
        }
        // Never cut a surrogate pair in two.
        if (from > 0 && char.IsLowSurrogate(text[from]))
        {
            from--;
        }
        if (to < text.Length && to > 0 && char.IsHighSurrogate(text[to - 1]))
        {
            to++;
        }
        return (from, to);
    }

    /// <summary>Line breaks and runs of spaces read as one space in a snippet.</summary>
    private static string Collapse(string text)
    {
        var collapsed = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = collapsed.Length > 0;
                continue;
            }
            if (space)
            {
                collapsed.Append(' ');
                space = false;
            }
            collapsed.Append(c);
        }
        return collapsed.ToString();
    }

    /// <summary>
    /// A rough English stem for marking words: the engines stem with Porter (SQLite) and Snowball (PostgreSQL), so
    /// "farms" found "farming"; the snippet only needs to see them as one word, not to agree with either exactly.
    /// </summary>
    private static string Stem(string word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed", "es", "ly", "s"])
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }
        return word;
    }
}
