namespace Byline.Core.Moderation;

/// <summary>
/// The features the spam classifier learns from, taken from normalized text: words ("w:word", numbers as "w:#") and
/// word pairs ("b:word word") in scripts with spaces; character pairs ("c:农场") in scripts without, a lone character
/// ("c:好") for a run of one; link hosts ("h:t.me") and how many links there are ("links:0", "links:1", "links:2+").
/// </summary>
public static class ClassifierFeatures
{
    public const int MaxFeatures = 400;
    private const int MaxWordLength = 40;

    /// <summary>Distinct features in order of first appearance, links first, at most <see cref="MaxFeatures"/>.</summary>
    public static IReadOnlyList<string> Extract(string normalizedText)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var features = new List<string>();
        void Add(string feature)
        {
            if (features.Count < MaxFeatures && seen.Add(feature))
                features.Add(feature);
        }

        var links = Links.Scan(normalizedText ?? "");
        var distinct = new HashSet<LinkFound>();
        foreach (var (_, _, link) in links)
        {
            if (distinct.Add(link))
                Add("h:" + link.Host);
        }
        Add(distinct.Count switch { 0 => "links:0", 1 => "links:1", _ => "links:2+" });

        var text = distinct.Count > 0 ? Links.WithoutLinks(normalizedText!) : normalizedText ?? "";
        string? previousWord = null;
        int i = 0;
        while (i < text.Length && features.Count < MaxFeatures)
        {
            int c = Scripts.At(text, i, out int w);
            if (!Scripts.IsWordRune(c))
            {
                i += w;
                if (!char.IsWhiteSpace(text, i - w))
                    previousWord = null; // punctuation ends a phrase: pairs do not cross it
                continue;
            }
            bool spaceless = Scripts.IsSpaceless(c);
            int start = i;
            var runes = new List<string>();
            while (i < text.Length)
            {
                c = Scripts.At(text, i, out w);
                if (!Scripts.IsWordRune(c) || (Scripts.IsSpaceless(c) != spaceless && !Scripts.IsMark(c)))
                    break;
                if (Scripts.IsMark(c) && runes.Count > 0)
                    runes[^1] += text.Substring(i, w);
                else
                    runes.Add(text.Substring(i, w));
                i += w;
            }

            if (spaceless)
            {
                if (runes.Count == 1)
                    Add("c:" + runes[0]);
                for (int k = 0; k + 1 < runes.Count; k++)
                    Add("c:" + runes[k] + runes[k + 1]);
                previousWord = null;
                continue;
            }

            var word = text[start..i];
            if (word.All(char.IsAsciiDigit) || (word.Any(char.IsDigit) && !word.Any(char.IsLetter)))
                word = "#";
            else if (word.Length > MaxWordLength)
                word = word[..MaxWordLength];
            Add("w:" + word);
            if (previousWord is not null)
                Add("b:" + previousWord + " " + word);
            previousWord = word;
        }
        return features;
    }
}
