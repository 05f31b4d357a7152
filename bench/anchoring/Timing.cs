using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Byline.Bench.Anchoring.Corpus;
using Byline.Core.Anchoring;

namespace Byline.Bench.Anchoring;

/// <summary>BenchmarkDotNet timings on a 2,000-word story built from the demo stories, and the per-anchor target.</summary>
internal static class Timing
{
    public const double TargetMicrosecondsPerAnchor = 50;

    public static IReadOnlyList<SourceText> Demo { get; private set; } = [];

    public static bool Run(IReadOnlyList<SourceText> demo)
    {
        Demo = demo;
        // In-process and short: the numbers are for a budget of minutes on a shared two-core machine.
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<AnchoringBenchmarks>(config);

        var pass = true;
        Console.WriteLine();
        foreach (var report in summary.Reports)
        {
            var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var mean = report.ResultStatistics?.Mean;
            if (mean is null)
            {
                Console.WriteLine($"FAIL  {name}: no result");
                pass = false;
                continue;
            }
            var micro = mean.Value / 1000.0;
            var perAnchor = name.StartsWith("Reanchor", StringComparison.Ordinal);
            // The target is for a revision like a newsroom makes; the scattered rewrite is the worst case, shown for scale.
            var targeted = name == nameof(AnchoringBenchmarks.ReanchorPerAnchorTypicalRevision);
            var line = string.Create(CultureInfo.InvariantCulture, $"{name}: {micro:F2} µs{(perAnchor ? " per anchor" : "")}");
            if (perAnchor && !targeted)
            {
                Console.WriteLine($"info  {line} (worst case: every passage touched)");
            }
            else if (perAnchor)
            {
                var ok = micro <= TargetMicrosecondsPerAnchor;
                pass &= ok;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(ok ? "PASS" : "FAIL")}  {line} (<= {TargetMicrosecondsPerAnchor} µs)"));
            }
            else if (name == nameof(AnchoringBenchmarks.ThousandAnchorsOneStory))
            {
                var ok = micro < 1_000_000;
                pass &= ok;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(ok ? "PASS" : "FAIL")}  {line} = {micro / 1000:F1} ms for Between + 1,000 anchors (< 1 s)"));
            }
            else
            {
                Console.WriteLine($"      {line}");
            }
        }
        return pass;
    }
}

/// <summary>
/// A 2,000-word story (demo stories joined) and one revision of it with an inserted sentence, a deleted sentence,
/// a typo fix, a reworded sentence and a moved paragraph; 1,000 passages of 1-40 words on the old text.
/// </summary>
[MemoryDiagnoser]
public class AnchoringBenchmarks
{
    private const int Anchors = 1000;
    private string oldText = "";
    private string newText = "";
    private string rewrittenText = "";
    private TextEdit edit = null!;
    private TextEdit rewrite = null!;
    private TextAnchor[] anchors = [];

    [GlobalSetup]
    public void Setup()
    {
        var paragraphs = Timing.Demo.SelectMany(t => t.Text.Split("\n\n")).ToList();
        var kept = new List<string>();
        var words = 0;
        foreach (var p in paragraphs)
        {
            if (words >= 2000)
                break;
            kept.Add(p);
            words += p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        }
        oldText = string.Join("\n\n", kept);

        var revised = kept.ToList();
        revised.Insert(3, "This paragraph was added when the council published its response on Thursday.");
        revised[10] = revised[10].Replace(" the ", " teh ", StringComparison.Ordinal);
        revised[15] = string.Join(' ', revised[15].Split(' ').Select((w, i) => i % 6 == 3 ? "updated" : w));
        var moved = revised[20];
        revised.RemoveAt(20);
        revised.Insert(5, moved);
        revised.RemoveAt(25);
        newText = string.Join("\n\n", revised);
        // Worst case for the per-anchor path: every sixth word of the story replaced, so most passages are touched.
        rewrittenText = string.Join(' ', oldText.Split(' ').Select((w, i) => i % 6 == 3 ? "changed" : w));

        var random = new Random(42);
        var starts = Enumerable.Range(1, oldText.Length - 1).Where(i => oldText[i - 1] == ' ' && char.IsLetterOrDigit(oldText[i])).ToArray();
        anchors = new TextAnchor[Anchors];
        for (var a = 0; a < Anchors; a++)
        {
            var start = starts[random.Next(starts.Length)];
            var end = start;
            for (var w = 1 + random.Next(random.Next(4) == 0 ? 2 : 40); w > 0 && end < oldText.Length; w--)
            {
                var next = oldText.IndexOf(' ', end + 1);
                end = next < 0 ? oldText.Length : next;
            }
            anchors[a] = TextAnchors.At(oldText, start, end);
        }
        edit = TextEdit.Between(oldText, newText);
        rewrite = TextEdit.Between(oldText, rewrittenText);
        Console.WriteLine($"// story: {words} words, {oldText.Length} UTF-16 units; {Anchors} anchors");
    }

    [Benchmark(Description = "TextEdit.Between (2,000 words, 5 edits)")]
    public TextEdit Between() => TextEdit.Between(oldText, newText);

    [Benchmark(OperationsPerInvoke = Anchors)]
    public int ReanchorPerAnchorTypicalRevision()
    {
        var attached = 0;
        foreach (var anchor in anchors)
            attached += edit.Reanchor(anchor).Outcome == AnchorOutcome.Orphaned ? 0 : 1;
        return attached;
    }

    [Benchmark(OperationsPerInvoke = Anchors)]
    public int ReanchorPerAnchorEverySixthWordChanged()
    {
        var attached = 0;
        foreach (var anchor in anchors)
            attached += rewrite.Reanchor(anchor).Outcome == AnchorOutcome.Orphaned ? 0 : 1;
        return attached;
    }

    [Benchmark]
    public int ThousandAnchorsOneStory()
    {
        var story = TextEdit.Between(oldText, newText);
        var attached = 0;
        foreach (var anchor in anchors)
            attached += story.Reanchor(anchor).Outcome == AnchorOutcome.Orphaned ? 0 : 1;
        return attached;
    }
}
