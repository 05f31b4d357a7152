namespace Byline.Core.Moderation;

/// <summary>
/// Languages written in Latin letters, told apart by character trigrams (word edges included, accents kept: "ção",
/// " ß", "ij " say a lot). Each language's trigram probabilities come from its training text in <c>LanguageProfiles/</c>
/// with additive smoothing; a text is scored by log-likelihood per language.
/// </summary>
/// <remarks>
/// Confidence is the posterior of the best language with the evidence capped at <see cref="EvidenceCap"/> trigrams:
/// the model treats trigrams as independent, which they are not, so a long text would otherwise look certain after
/// a few words of a near neighbour (Spanish and Portuguese). A text whose average trigram is unlikely under every
/// profile (a language the model was not trained on) is unknown.
/// </remarks>
internal static class LatinModel
{
    private const double Alpha = 0.5;
    private const int EvidenceCap = 20;
    private const int MinTrigrams = 8;
    private const double UnknownBelow = -7.9;

    private sealed record Profile(string Language, Dictionary<string, double> LogP, double Unseen);

    private static readonly Lazy<Profile[]> Profiles = new(Build);

    internal static IReadOnlyList<string> Languages => Array.ConvertAll(Profiles.Value, p => p.Language);

    public static (string? Language, double Confidence) Guess(string latin, Dictionary<int, int> letters)
    {
        int vietnamese = 0, latinLetters = 0;
        foreach (var (c, n) in letters)
        {
            if (Scripts.Of(c) != Script.Latin)
                continue;
            latinLetters += n;
            if (c is >= 0x1EA0 and <= 0x1EF9 or 'ơ' or 'ư' or 'đ' or 'ă')
                vietnamese += n;
        }
        if (latinLetters > 0 && vietnamese >= 3 && vietnamese >= 0.08 * latinLetters)
            return ("vi", 0.95);

        var (scores, n3) = Score(latin);
        if (n3 < MinTrigrams)
            return (null, 0);

        int best = 0;
        for (int i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
                best = i;
        }
        if (scores[best] / n3 < UnknownBelow)
            return (null, 0);

        double evidence = Math.Min(n3, EvidenceCap) / (double)n3;
        double sum = 0;
        foreach (double score in scores)
            sum += Math.Exp((score - scores[best]) * evidence);
        return (Profiles.Value[best].Language, 1 / sum);
    }

    /// <summary>Log-likelihood of <paramref name="latin"/> under every profile, and the number of trigrams scored.</summary>
    internal static (double[] Scores, int Trigrams) Score(string latin)
    {
        var profiles = Profiles.Value;
        var scores = new double[profiles.Length];
        int n = 0;
        foreach (var trigram in Trigrams(latin))
        {
            n++;
            for (int p = 0; p < profiles.Length; p++)
                scores[p] += profiles[p].LogP.TryGetValue(trigram, out double lp) ? lp : profiles[p].Unseen;
        }
        return (scores, n);
    }

    /// <summary>Trigrams of lower-case words padded with one space each side; apostrophes and hyphens split words.</summary>
    private static IEnumerable<string> Trigrams(string text)
    {
        foreach (var word in text.Split([' ', '\'', '’', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            var padded = " " + word.ToLowerInvariant() + " ";
            for (int i = 0; i + 3 <= padded.Length; i++)
                yield return padded.Substring(i, 3);
        }
    }

    private static Profile[] Build()
    {
        var counts = new List<(string Language, Dictionary<string, int> Counts, int Total)>();
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (language, text) in ProfileTexts.All)
        {
            var letters = new System.Text.StringBuilder(text.Length);
            foreach (char c in text.ToLowerInvariant())
                letters.Append(char.IsLetter(c) ? c : ' ');
            var table = new Dictionary<string, int>(StringComparer.Ordinal);
            int total = 0;
            foreach (var trigram in Trigrams(letters.ToString()))
            {
                table[trigram] = table.GetValueOrDefault(trigram) + 1;
                vocabulary.Add(trigram);
                total++;
            }
            counts.Add((language, table, total));
        }

        double v = vocabulary.Count + 1;
        return counts.ConvertAll(c =>
        {
            double denominator = c.Total + Alpha * v;
            var logP = new Dictionary<string, double>(c.Counts.Count, StringComparer.Ordinal);
            foreach (var (trigram, count) in c.Counts)
                logP[trigram] = Math.Log((count + Alpha) / denominator);
            return new Profile(c.Language, logP, Math.Log(Alpha / denominator));
        }).ToArray();
    }
}
