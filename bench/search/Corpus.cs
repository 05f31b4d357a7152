using System.Text;

namespace Byline.Bench.Search;

/// <summary>The languages the generated text is written in.</summary>
public enum Lang
{
    English,
    Chinese,
    Japanese,
    Arabic,
    Spanish,
    French,
}

/// <summary>
/// Writes text in the benchmark's languages. Words are drawn by Zipf–Mandelbrot rank (p ∝ 1 / (rank + 2.7)^s), as in
/// natural text: a few words are everywhere, most are rare. English has the listed words first and a made-up tail,
/// about 41,000 ranks in all with s = 1.2, so the listed words make 80% of its content words and the rarest words occur
/// in a few dozen documents of the archive; the other languages' short lists have s = 1.
/// </summary>
public sealed class Corpus
{
    public const int EnglishTail = 40_000;

    public string[] English { get; }

    private readonly Zipf english;
    private readonly Zipf chinese = new(Words.Chinese.Length);
    private readonly Zipf japanese = new(Words.Japanese.Length);
    private readonly Zipf arabic = new(Words.Arabic.Length);
    private readonly Zipf spanish = new(Words.Spanish.Length);
    private readonly Zipf french = new(Words.French.Length);

    public Corpus(int seed)
    {
        English = [.. Words.English, .. Words.MadeUp(EnglishTail, seed)];
        english = new Zipf(English.Length, 1.2);
    }

    public static string Code(Lang lang) => lang switch
    {
        Lang.English => "en",
        Lang.Chinese => "zh",
        Lang.Japanese => "ja",
        Lang.Arabic => "ar",
        Lang.Spanish => "es",
        _ => "fr",
    };

    /// <summary>A sentence of about <paramref name="words"/> words (CJK: word-sized pieces), ending in a full stop.</summary>
    public string Sentence(Random random, Lang lang, int words, bool vowelled = false)
    {
        var text = new StringBuilder();
        switch (lang)
        {
            case Lang.English:
                Spaced(random, text, words, English, english, Words.EnglishFunction, 0.45);
                text[0] = char.ToUpperInvariant(text[0]);
                text.Append('.');
                break;
            case Lang.Spanish:
                Spaced(random, text, words, Words.Spanish, spanish, Words.SpanishFunction, 0.4);
                text[0] = char.ToUpperInvariant(text[0]);
                text.Append('.');
                break;
            case Lang.French:
                Spaced(random, text, words, Words.French, french, Words.FrenchFunction, 0.4);
                text[0] = char.ToUpperInvariant(text[0]);
                text.Append('.');
                break;
            case Lang.Arabic:
                Spaced(random, text, words, Words.Arabic, arabic, Words.ArabicFunction, 0.3);
                text.Append('.');
                if (!vowelled)
                {
                    return StripVowelMarks(text.ToString());
                }
                break;
            case Lang.Chinese:
                for (var i = 0; i < words; i++)
                {
                    text.Append(Words.Chinese[chinese.Next(random)]);
                    if (random.NextDouble() < 0.3)
                    {
                        text.Append(Words.ChineseFunction[random.Next(Words.ChineseFunction.Length)]);
                    }
                    if (i + 1 < words && random.NextDouble() < 0.12)
                    {
                        text.Append('，');
                    }
                }
                text.Append('。');
                break;
            case Lang.Japanese:
                for (var i = 0; i < Math.Max(1, words / 2); i++)
                {
                    text.Append(Words.Japanese[japanese.Next(random)]);
                    text.Append(Words.JapaneseParticles[random.Next(Words.JapaneseParticles.Length)]);
                }
                text.Append(Words.Japanese[japanese.Next(random)]);
                text.Append(Words.JapaneseEndings[random.Next(Words.JapaneseEndings.Length)]);
                text.Append('。');
                break;
        }
        return text.ToString();
    }

    /// <summary>Sentences of about <paramref name="words"/> words in all, as paragraphs of two to five sentences.</summary>
    public List<string> Paragraphs(Random random, Lang lang, int words, bool vowelled = false)
    {
        var paragraphs = new List<string>();
        var paragraph = new StringBuilder();
        var sentences = 0;
        var target = 2 + random.Next(4);
        var separator = lang is Lang.Chinese or Lang.Japanese ? "" : " ";
        while (words > 0)
        {
            var length = Math.Min(words, 6 + random.Next(18));
            words -= length;
            if (paragraph.Length > 0)
            {
                paragraph.Append(separator);
            }
            paragraph.Append(Sentence(random, lang, length, vowelled));
            if (++sentences == target)
            {
                paragraphs.Add(paragraph.ToString());
                paragraph.Clear();
                sentences = 0;
                target = 2 + random.Next(4);
            }
        }
        if (paragraph.Length > 0)
        {
            paragraphs.Add(paragraph.ToString());
        }
        return paragraphs;
    }

    /// <summary>A title of a few words, capitalized as a headline.</summary>
    public string Title(Random random, Lang lang, int words)
    {
        var sentence = lang == Lang.English
            ? string.Join(' ', Enumerable.Range(0, words).Select(_ => EnglishWord(random)))
            : Sentence(random, lang, words).TrimEnd('.', '。');
        if (lang != Lang.English)
        {
            return sentence;
        }
        return string.Join(' ', sentence.Split(' ').Select(w => w.Length > 3 ? char.ToUpperInvariant(w[0]) + w[1..] : w));
    }

    /// <summary>An English content word by rank (0 is the commonest).</summary>
    public string EnglishWord(Random random) => English[english.Next(random)];

    /// <summary>Paragraphs as stored HTML: only the characters HTML needs escaped, the rest as UTF-8 (as Byline stores it).</summary>
    public static string Html(IEnumerable<string> paragraphs) =>
        string.Concat(paragraphs.Select(p => "<p>" + Encode(p) + "</p>\n"));

    public static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&#39;", StringComparison.Ordinal);

    public static string StripVowelMarks(string text) =>
        string.Concat(text.Where(c => c is not (>= '\u064B' and <= '\u0652') and not '\u0670'));

    private static void Spaced(Random random, StringBuilder text, int words, string[] content, Zipf zipf, string[] function, double functionShare)
    {
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                text.Append(i > 3 && random.NextDouble() < 0.06 ? ", " : " ");
            }
            text.Append(random.NextDouble() < functionShare
                ? function[random.Next(function.Length)]
                : content[zipf.Next(random)]);
        }
    }
}

/// <summary>Ranks 0..n-1 drawn with p(rank) ∝ 1 / (rank + 1 + 2.7)^exponent.</summary>
public sealed class Zipf
{
    private readonly double[] cumulative;

    public Zipf(int n, double exponent = 1.0)
    {
        cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += Math.Pow(i + 1 + 2.7, -exponent);
            cumulative[i] = sum;
        }
        for (var i = 0; i < n; i++)
        {
            cumulative[i] /= sum;
        }
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(cumulative.Length - 1, index >= 0 ? index : ~index);
    }
}
