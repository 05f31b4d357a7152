using System.Diagnostics;
using System.Globalization;
using Byline.Bench.Anchoring.Corpus;
using Byline.Core.Anchoring;

namespace Byline.Bench.Anchoring;

/// <summary>Re-anchors every passage of the corpus and tabulates how often it landed on the right words.</summary>
internal static class Accuracy
{
    public const double TargetCorrect = 97.0;
    public const double TargetMisattached = 0.5;

    private sealed class Tally
    {
        public int Cases;
        public int Answerable;
        public int Correct;
        public int Orphaned;
        public int Misattached;
        public int ShouldOrphan;
        public int OrphanedRightly;
        public long Ticks;

        public void Add(Tally other)
        {
            Cases += other.Cases;
            Answerable += other.Answerable;
            Correct += other.Correct;
            Orphaned += other.Orphaned;
            Misattached += other.Misattached;
            ShouldOrphan += other.ShouldOrphan;
            OrphanedRightly += other.OrphanedRightly;
            Ticks += other.Ticks;
        }

        public double CorrectPercent => Answerable == 0 ? 100 : 100.0 * Correct / Answerable;
        public double MisattachedPercent => Cases == 0 ? 0 : 100.0 * Misattached / Cases;
    }

    /// <summary>Runs the corpus of one seed and prints its table; true when the targets are met.</summary>
    public static bool Run(IReadOnlyList<SourceText> texts, int seed, int casesPerKind, bool verbose)
    {
        var cases = new CaseGenerator(seed).Generate(texts, casesPerKind);
        var byKind = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var byScript = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var shortTargets = new Tally();
        var targets = new Tally();
        var bystanders = new Tally();
        long betweenTicks = 0;
        var failures = new List<string>();

        // One untimed pass first, so the table's µs are for optimised (tier-1) code, not the JIT's first tier.
        foreach (var edit in cases)
        {
            var warm = TextEdit.Between(edit.OldText, edit.NewText);
            foreach (var anchor in edit.Anchors)
                warm.Reanchor(anchor.Anchor);
        }

        foreach (var edit in cases)
        {
            var clock = Stopwatch.StartNew();
            var textEdit = TextEdit.Between(edit.OldText, edit.NewText);
            betweenTicks += clock.ElapsedTicks;
            foreach (var anchor in edit.Anchors)
            {
                var started = Stopwatch.GetTimestamp();
                var result = textEdit.Reanchor(anchor.Anchor);
                var one = Judge(anchor.Expected, result);
                one.Ticks = Stopwatch.GetTimestamp() - started;
                if (anchor.IsTarget)
                {
                    Get(byKind, edit.Kind).Add(one);
                    Get(byScript, edit.Source.Script.ToString()).Add(one);
                    targets.Add(one);
                    if (anchor.IsShort)
                        shortTargets.Add(one);
                }
                else
                {
                    bystanders.Add(one);
                }
                if (one.Misattached > 0 || (one.Answerable > 0 && one.Correct == 0))
                    failures.Add(Describe(edit, anchor, result));
            }
        }

        var all = new Tally();
        all.Add(targets);
        all.Add(bystanders);
        Console.WriteLine();
        Console.WriteLine($"Accuracy, seed {seed}: {cases.Count} edits of {texts.Count} texts, {all.Cases} passages " +
                          $"(TextEdit.Between: {Micro(betweenTicks, cases.Count):F0} µs per edit on average)");
        Header();
        foreach (var (kind, tally) in byKind)
            Row(kind, tally);
        Row("— short targets (1-2 words)", shortTargets);
        foreach (var (script, tally) in byScript)
            Row("— script: " + script, tally);
        Row("bystander passages", bystanders);
        Row("OVERALL target passages", targets);
        Row("OVERALL all passages", all);

        if (verbose)
        {
            foreach (var failure in failures.Take(40))
                Console.WriteLine(failure);
        }

        // "Overall" in the targets is over every passage; target passages alone (each placed where its edit
        // bites) are the stricter view and are reported the same way, so a miss there is visible too.
        var pass = Verdict("all passages", all) & Verdict("target passages only (stricter)", targets);
        return pass;
    }

    private static bool Verdict(string name, Tally t)
    {
        var correct = t.CorrectPercent >= TargetCorrect;
        var misattached = t.MisattachedPercent <= TargetMisattached;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(correct ? "PASS" : "FAIL")}  {name}: correctly re-attached where a correct answer exists {t.CorrectPercent:F2} % (>= {TargetCorrect} %)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(misattached ? "PASS" : "FAIL")}  {name}: mis-attached {t.MisattachedPercent:F2} % (<= {TargetMisattached} %)"));
        return correct && misattached;
    }

    private static Tally Judge(Expectation expected, Reanchored result)
    {
        var tally = new Tally { Cases = 1 };
        var orphaned = result.Outcome == AnchorOutcome.Orphaned;
        if (orphaned)
            tally.Orphaned = 1;
        if (expected.Truth == Truth.Orphan)
        {
            tally.ShouldOrphan = 1;
            if (orphaned)
                tally.OrphanedRightly = 1;
            else
                tally.Misattached = 1;
            return tally;
        }
        tally.Answerable = 1;
        if (orphaned)
            return tally;
        var right = expected.Truth == Truth.Exact
            ? result.Start == expected.Start && result.End == expected.End
            : Overlap(expected, result) >= 0.8;
        if (right)
            tally.Correct = 1;
        else
            tally.Misattached = 1;
        return tally;
    }

    // Intersection over union of the expected and the returned range (fuzzy boundaries may differ by a character or two).
    private static double Overlap(Expectation e, Reanchored r)
    {
        var intersection = Math.Max(0, Math.Min(e.End, r.End) - Math.Max(e.Start, r.Start));
        var union = Math.Max(e.End, r.End) - Math.Min(e.Start, r.Start);
        return union == 0 ? 0 : (double)intersection / union;
    }

    private static Tally Get(SortedDictionary<string, Tally> map, string key)
    {
        if (!map.TryGetValue(key, out var tally))
            map[key] = tally = new Tally();
        return tally;
    }

    private static double Micro(long ticks, int count) => count == 0 ? 0 : ticks * 1_000_000.0 / Stopwatch.Frequency / count;

    private static void Header()
    {
        Console.WriteLine($"{"edit kind",-34} {"cases",6} {"answerable",10} {"correct %",10} {"orphaned %",10} {"mis-att. %",10} {"orphan ok %",11} {"µs/anchor",9}");
        Console.WriteLine(new string('-', 106));
    }

    private static void Row(string name, Tally t)
    {
        var orphanOk = t.ShouldOrphan == 0 ? "-" : (100.0 * t.OrphanedRightly / t.ShouldOrphan).ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {t.Cases,6} {t.Answerable,10} {t.CorrectPercent,10:F2} {100.0 * t.Orphaned / Math.Max(1, t.Cases),10:F2} {t.MisattachedPercent,10:F2} {orphanOk,11} {Micro(t.Ticks, t.Cases),9:F1}"));
    }

    private static string Describe(EditCase edit, AnchorCase anchor, Reanchored result)
    {
        string Slice(string text, int start, int end) => start >= 0 && end <= text.Length && end >= start ? text[start..end].Replace("\n", "⏎", StringComparison.Ordinal) : "?";
        return $"  [{edit.Kind} / {edit.Source.Name}{(anchor.IsTarget ? "" : " / bystander")}] " +
               $"quote «{Slice(anchor.Anchor.Exact, 0, anchor.Anchor.Exact.Length)}» expected {anchor.Expected.Truth} «{Slice(edit.NewText, anchor.Expected.Start, anchor.Expected.End)}» " +
               $"got {result.Outcome} {result.Confidence} «{(result.Outcome == AnchorOutcome.Orphaned ? "" : Slice(edit.NewText, result.Start, result.End))}»";
    }
}
