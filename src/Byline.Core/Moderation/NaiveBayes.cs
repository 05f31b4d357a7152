namespace Byline.Core.Moderation;

/// <summary>How many spam and ham training documents contained a feature.</summary>
public sealed record FeatureCounts(int Spam, int Ham);

/// <summary>A feature's pull on a score: positive is spammy, in natural-log odds.</summary>
public sealed record FeatureWeight(string Feature, double LogRatio);

/// <summary>The classifier's spam probability and the features that moved it most, for moderators to read.</summary>
public sealed record ClassifierScore(double SpamProbability, IReadOnlyList<FeatureWeight> Top);

/// <summary>
/// Naive Bayes over feature presence, trained by moderators' decisions (approve = ham; spam or reject = spam).
/// </summary>
/// <remarks>
/// Bernoulli with presence only: counts are "documents that contained the feature", so one comment adds at most one to
/// a feature whatever it repeats ("buy buy buy buy" is one vote), training and untraining are one row update per
/// distinct feature, and untraining undoes training exactly. Absent features are not scored: summing the evidence of
/// every feature a comment lacks would need the whole vocabulary per score, and in short texts absence says little.
///
/// P(feature | class) = (documents of the class with it + 1) / (documents of the class + 2) (Laplace). Features seen in
/// fewer than two training documents in all are ignored. The prior log-odds is half the log ratio of the document
/// counts, clamped to ±1, so a queue that saw ten times more ham than spam leans but does not decide. The score is the
/// sum in log space, turned into a probability and clamped into [0.001, 0.999].
/// </remarks>
public static class NaiveBayes
{
    public const int TopCount = 8;

    /// <summary>Training documents of each class the model needs before it scores anything.</summary>
    public const int MinDocsPerClass = 10;
    private const double MinProbability = 0.001;
    private const double MaxProbability = 0.999;

    /// <summary>The spam probability of a comment's features, or null while either class has fewer than <paramref name="minDocsPerClass"/> documents.</summary>
    public static ClassifierScore? Score(
        IReadOnlyList<string> features, Func<string, FeatureCounts?> counts, int spamDocs, int hamDocs, int minDocsPerClass = MinDocsPerClass)
    {
        if (spamDocs < minDocsPerClass || hamDocs < minDocsPerClass || spamDocs <= 0 || hamDocs <= 0)
            return null;

        double logOdds = Math.Clamp(0.5 * Math.Log((double)spamDocs / hamDocs), -1, 1);
        var weights = new List<FeatureWeight>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            if (!seen.Add(feature) || counts(feature) is not { } c || c.Spam + c.Ham < 2)
                continue;
            double pSpam = (Math.Min(c.Spam, spamDocs) + 1.0) / (spamDocs + 2.0);
            double pHam = (Math.Min(c.Ham, hamDocs) + 1.0) / (hamDocs + 2.0);
            double ratio = Math.Log(pSpam / pHam);
            logOdds += ratio;
            weights.Add(new FeatureWeight(feature, ratio));
        }

        double probability = Math.Clamp(1 / (1 + Math.Exp(-logOdds)), MinProbability, MaxProbability);
        weights.Sort((a, b) =>
        {
            int byStrength = Math.Abs(b.LogRatio).CompareTo(Math.Abs(a.LogRatio));
            return byStrength != 0 ? byStrength : string.CompareOrdinal(a.Feature, b.Feature);
        });
        if (weights.Count > TopCount)
            weights.RemoveRange(TopCount, weights.Count - TopCount);
        return new ClassifierScore(probability, weights);
    }
}

/// <summary>
/// An in-memory <see cref="NaiveBayes"/> model: for tests, the bench, and as a cache of the stored counts. Thread-safe.
/// </summary>
public sealed class NaiveBayesModel
{
    private readonly Dictionary<string, (int Spam, int Ham)> _counts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _spamDocs;
    private int _hamDocs;

    public int MinDocsPerClass { get; init; } = 10;

    public int SpamDocs
    {
        get { lock (_lock) return _spamDocs; }
    }

    public int HamDocs
    {
        get { lock (_lock) return _hamDocs; }
    }

    /// <summary>How many distinct features the model has counts for.</summary>
    public int FeatureCount
    {
        get { lock (_lock) return _counts.Count; }
    }

    /// <summary>Counts one document: every distinct feature once.</summary>
    public void Train(IReadOnlyList<string> features, bool spam) => Apply(features, spam, +1);

    /// <summary>Takes back a document trained before (a moderator changed their mind); counts never go below zero.</summary>
    public void Untrain(IReadOnlyList<string> features, bool spam) => Apply(features, spam, -1);

    public FeatureCounts? Counts(string feature)
    {
        lock (_lock)
            return _counts.TryGetValue(feature, out var c) ? new FeatureCounts(c.Spam, c.Ham) : null;
    }

    public ClassifierScore? Score(IReadOnlyList<string> features)
    {
        lock (_lock)
            return NaiveBayes.Score(features, Lookup, _spamDocs, _hamDocs, MinDocsPerClass);
    }

    private FeatureCounts? Lookup(string feature) =>
        _counts.TryGetValue(feature, out var c) ? new FeatureCounts(c.Spam, c.Ham) : null;

    private void Apply(IReadOnlyList<string> features, bool spam, int delta)
    {
        lock (_lock)
        {
            if (spam)
                _spamDocs = Math.Max(0, _spamDocs + delta);
            else
                _hamDocs = Math.Max(0, _hamDocs + delta);
            foreach (var feature in features.Distinct(StringComparer.Ordinal))
            {
                var (s, h) = _counts.GetValueOrDefault(feature);
                if (spam)
                    s = Math.Max(0, s + delta);
                else
                    h = Math.Max(0, h + delta);
                if (s == 0 && h == 0)
                    _counts.Remove(feature);
                else
                    _counts[feature] = (s, h);
            }
        }
    }
}
