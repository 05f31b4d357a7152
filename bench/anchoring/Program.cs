using Byline.Bench.Anchoring;
using Byline.Bench.Anchoring.Corpus;

// bench/anchoring: `accuracy [--seed N] [--cases K] [--verbose]` or `timing`; both read the demo stories from --stories DIR.
var verb = args.Length > 0 ? args[0] : "accuracy";
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
var stories = Option("--stories", Path.Combine("src", "Byline.Web", "Data", "Demo", "stories"));
if (!Directory.Exists(stories))
{
    Console.Error.WriteLine($"no demo stories at {stories} (pass --stories DIR)");
    return 2;
}
var demo = DemoStories.Load(stories);

switch (verb)
{
    case "accuracy":
        var seed = int.Parse(Option("--seed", "1"), System.Globalization.CultureInfo.InvariantCulture);
        var cases = int.Parse(Option("--cases", "20"), System.Globalization.CultureInfo.InvariantCulture);
        var texts = demo.Concat(OwnTexts.All).ToList();
        return Accuracy.Run(texts, seed, cases, args.Contains("--verbose")) ? 0 : 1;
    case "timing":
        return Timing.Run(demo) ? 0 : 1;
    default:
        Console.Error.WriteLine($"unknown verb {verb}: use accuracy or timing");
        return 2;
}
