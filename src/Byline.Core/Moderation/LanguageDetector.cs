using System.Text;

namespace Byline.Core.Moderation;

/// <summary>A guess at a text's language: a BCP 47 primary subtag or null when unsure, and the ISO 15924 code of its main script.</summary>
public sealed record LanguageGuess(string? Language, double Confidence, string Script);

/// <summary>
/// Guesses the language of a comment: by script first (letters counted per script, links, digits, punctuation and
/// emoji ignored), then, for Latin text, by a character-trigram model trained on the texts in <c>LanguageProfiles/</c>.
/// </summary>
/// <remarks>
/// Han, kana and Hangul characters each carry about a word's worth of information, so they count three times (Hangul
/// twice) against Latin letters: a Chinese comment with an English word or URL in it is Chinese. A text whose main
/// script holds less than three quarters of that weight is mixed, and mixed or short text has no language (null).
/// </remarks>
public static class LanguageDetector
{
    private const double MinWeight = 9;
    private const double MinShare = 0.75;

    public static LanguageGuess Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new LanguageGuess(null, 0, "Zyyy");

        var counts = new Dictionary<Script, int>();
        var latin = new StringBuilder();
        var letters = new Dictionary<int, int>();
        var s = Links.WithoutLinks(text).ToLowerInvariant();
        for (int i = 0; i < s.Length;)
        {
            int c = Scripts.At(s, i, out int w);
            i += w;
            bool open = latin.Length > 0 && latin[^1] != ' ';
            if (Scripts.IsMark(c))
            {
                if (open)
                    latin.Append(s, i - w, w);
                continue;
            }
            if (!Scripts.IsLetterRune(c))
            {
                if (open)
                    latin.Append(' ');
                continue;
            }
            var script = Scripts.Of(c);
            if (script == Script.Latin)
                latin.Append(s, i - w, w);
            else if (open)
                latin.Append(' ');
            counts[script] = counts.GetValueOrDefault(script) + 1;
            letters[c] = letters.GetValueOrDefault(c) + 1;
        }

        double total = 0;
        var weights = new Dictionary<Script, double>();
        foreach (var (script, n) in counts)
        {
            var group = script is Script.Hiragana or Script.Katakana ? Script.Han : script;
            double weight = n * (script switch
            {
                Script.Han or Script.Hiragana or Script.Katakana => 3,
                Script.Hangul => 2,
                _ => 1,
            });
            weights[group] = weights.GetValueOrDefault(group) + weight;
            total += weight;
        }
        if (total == 0)
            return new LanguageGuess(null, 0, "Zyyy");

        var main = weights.MaxBy(kv => kv.Value);
        double share = main.Value / total;
        var code = CodeOf(main.Key, counts);
        if (share < MinShare || total < MinWeight)
            return new LanguageGuess(null, 0, code);

        double certainty = share * Math.Min(1, total / 20);
        var (language, confidence) = main.Key switch
        {
            Script.Latin => LatinModel.Guess(latin.ToString(), letters),
            Script.Han => JapaneseOrChinese(counts),
            Script.Cyrillic => Cyrillic(letters, counts[Script.Cyrillic]),
            Script.Arabic => ArabicScript(letters),
            Script.Hangul => ("ko", 0.98),
            Script.Greek => ("el", 0.98),
            Script.Hebrew => ("he", 0.95),
            Script.Thai => ("th", 0.98),
            Script.Devanagari => ("hi", 0.85),
            Script.Bengali => ("bn", 0.9),
            Script.Gurmukhi => ("pa", 0.95),
            Script.Gujarati => ("gu", 0.98),
            Script.Tamil => ("ta", 0.98),
            Script.Telugu => ("te", 0.98),
            Script.Kannada => ("kn", 0.98),
            Script.Malayalam => ("ml", 0.98),
            Script.Sinhala => ("si", 0.98),
            Script.Lao => ("lo", 0.98),
            Script.Myanmar => ("my", 0.95),
            Script.Khmer => ("km", 0.98),
            Script.Georgian => ("ka", 0.98),
            Script.Armenian => ("hy", 0.98),
            Script.Ethiopic => ("am", 0.8),
            _ => ((string?)null, 0.0),
        };
        if (language is null)
            return new LanguageGuess(null, 0, code);
        return new LanguageGuess(language, Math.Round(confidence * certainty, 3), code);
    }

    /// <summary>
    /// True when the comment is confidently in another language than the story. Unknown on either side is never a
    /// mismatch; regions and scripts do not count ("en-GB" is "en", "zh-Hant" is "zh").
    /// </summary>
    public static bool Mismatch(LanguageGuess comment, string? storyLanguage, double minConfidence = 0.6)
    {
        if (comment.Language is null || string.IsNullOrWhiteSpace(storyLanguage) || comment.Confidence < minConfidence)
            return false;
        return !string.Equals(Primary(comment.Language), Primary(storyLanguage), StringComparison.Ordinal);
    }

    private static string Primary(string tag)
    {
        var primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary switch
        {
            "iw" => "he",
            "in" => "id",
            "ji" => "yi",
            "nb" or "nn" => "no",
            "cmn" or "yue" or "wuu" => "zh",
            _ => primary,
        };
    }

    private static (string?, double) JapaneseOrChinese(Dictionary<Script, int> counts)
    {
        int han = counts.GetValueOrDefault(Script.Han);
        int kana = counts.GetValueOrDefault(Script.Hiragana) + counts.GetValueOrDefault(Script.Katakana);
        // A stray の in Chinese is a style; Japanese prose is a third kana or more.
        if (kana > 0 && kana >= 0.1 * (han + kana))
            return ("ja", 0.98);
        if (kana > 0)
            return ("zh", 0.7);
        return ("zh", 0.9);
    }

    private static (string?, double) Cyrillic(Dictionary<int, int> letters, int total)
    {
        int Count(string set)
        {
            int n = 0;
            foreach (char c in set)
                n += letters.GetValueOrDefault(c);
            return n;
        }

        int russian = Count("ыэё");
        int ukrainian = Count("іїєґ");
        if (Count("ў") > 0)
            return ("be", 0.9);
        if (Count("ѓќ") > 0)
            return ("mk", 0.9);
        if (Count("ђћџљњ") > 0 || (Count("ј") > 0 && russian == 0))
            return ("sr", 0.9);
        if (ukrainian > russian)
            return ("uk", ukrainian >= 2 ? 0.95 : 0.8);
        if (russian > 0)
            return ("ru", 0.95);
        int hard = Count("ъ");
        if (hard >= 2 && hard >= 0.01 * total)
            return ("bg", 0.85);
        int foreign = total - Count("абвгдежзийклмнопрстуфхцчшщъьюя");
        if (foreign > 0.03 * total)
            return (null, 0);
        return ("ru", 0.8);
    }

    private static (string?, double) ArabicScript(Dictionary<int, int> letters)
    {
        int Count(string set)
        {
            int n = 0;
            foreach (char c in set)
                n += letters.GetValueOrDefault(c);
            return n;
        }

        int urdu = Count("\u0679\u0688\u0691\u06BA\u06D2\u06BE");
        int persian = Count("\u067E\u0686\u0698\u06AF\u06CC\u06A9");
        int arabic = Count("\u064A\u0643\u0629\u0649");
        if (urdu >= 2 && urdu > arabic)
            return ("ur", 0.85);
        if (persian > arabic)
            return ("fa", persian >= 3 ? 0.95 : 0.8);
        return ("ar", arabic >= 2 ? 0.95 : 0.8);
    }

    private static string CodeOf(Script script, Dictionary<Script, int> counts) => script switch
    {
        Script.Latin => "Latn",
        Script.Cyrillic => "Cyrl",
        Script.Greek => "Grek",
        Script.Armenian => "Armn",
        Script.Hebrew => "Hebr",
        Script.Arabic => "Arab",
        Script.Devanagari => "Deva",
        Script.Bengali => "Beng",
        Script.Gurmukhi => "Guru",
        Script.Gujarati => "Gujr",
        Script.Tamil => "Taml",
        Script.Telugu => "Telu",
        Script.Kannada => "Knda",
        Script.Malayalam => "Mlym",
        Script.Sinhala => "Sinh",
        Script.Thai => "Thai",
        Script.Lao => "Laoo",
        Script.Myanmar => "Mymr",
        Script.Georgian => "Geor",
        Script.Hangul => "Hang",
        Script.Ethiopic => "Ethi",
        Script.Khmer => "Khmr",
        Script.Han => counts.GetValueOrDefault(Script.Hiragana) + counts.GetValueOrDefault(Script.Katakana) > 0 ? "Jpan" : "Hani",
        _ => "Zyyy",
    };
}
