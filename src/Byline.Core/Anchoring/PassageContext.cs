namespace Byline.Core.Anchoring;

/// <summary>
/// How well the text around a candidate range agrees with a passage's recorded prefix and suffix, per side and
/// combined, each 0..1. Built once per passage so many candidates (a short quote may occur hundreds of times) reuse it.
/// </summary>
internal sealed class PassageContext
{
    private readonly string prefix;
    private readonly string suffix;
    private readonly BitParallelPattern? prefixPattern;
    private readonly BitParallelPattern? suffixPattern;

    private const double Unknown = 0.4;

    public PassageContext(string prefix, string suffix)
    {
        this.prefix = prefix;
        this.suffix = suffix;
        prefixPattern = prefix.Length > 0 ? new BitParallelPattern(prefix) : null;
        suffixPattern = suffix.Length > 0 ? new BitParallelPattern(suffix) : null;
    }

    public string Prefix => prefix;

    public string Suffix => suffix;

    public static double Agreement(string text, int start, int end, string prefix, string suffix) =>
        new PassageContext(prefix, suffix).Sides(text, start, end).Combined;

    public readonly record struct Agreements(double Before, double After)
    {
        public double Min => Math.Min(Before, After);
        public double Max => Math.Max(Before, After);

        // Weighted towards the better side: a moved paragraph keeps one side of an anchor at its edge intact.
        public double Combined => 0.6 * Max + 0.4 * Min;
    }

    public Agreements Sides(string text, int start, int end)
    {
        double before, after;
        if (prefixPattern is null)
        {
            // The passage began the text; a candidate that also begins it agrees. Elsewhere nothing vouches for it,
            // and "unknown" must stay below the 0.5 that counts as one side agreeing.
            before = start == 0 ? 1 : Unknown;
        }
        else
        {
            var span = text.AsSpan(Math.Max(0, start - prefix.Length), Math.Min(start, prefix.Length));
            var run = 0;
            while (run < span.Length && span[^(run + 1)] == prefix[^(run + 1)])
                run++;
            before = Side(run, prefixPattern.Distance(span), prefix.Length);
        }
        if (suffixPattern is null)
        {
            after = end == text.Length ? 1 : Unknown;
        }
        else
        {
            var span = text.AsSpan(end, Math.Min(text.Length - end, suffix.Length));
            var run = 0;
            while (run < span.Length && span[run] == suffix[run])
                run++;
            after = Side(run, suffixPattern.Distance(span), suffix.Length);
        }
        return new Agreements(before, after);
    }

    // Either an unbroken run of agreeing characters next to the passage, or a near-identical context with an edit
    // in it. Edit similarity of two unrelated English snippets is about 0.4, so only the part above 0.5 counts.
    private static double Side(int run, int distance, int length)
    {
        var similarity = 1.0 - (double)distance / length;
        return Math.Max((double)run / length, Math.Max(0, (similarity - 0.5) / 0.5));
    }
}
