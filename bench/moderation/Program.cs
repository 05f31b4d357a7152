using System.Diagnostics;
using System.Globalization;
using Byline.Bench.Moderation;
using Byline.Core.Moderation;

// Accuracy and latency of comment moderation (bench/moderation/README.md).
// Exit status: 0 every target met, 1 a target missed, 2 bad arguments.
int seed = 1, ham = 320, spam = 200;
bool verbose = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--ham": ham = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--spam": spam = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--verbose": verbose = true; break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}; use --seed N --ham N --spam N --verbose");
            return 2;
    }
}

var items = new Corpus(seed).Generate(ham, spam);
var shuffled = items.ToList();
var shuffle = new Random(seed + 7919);
for (int i = shuffled.Count - 1; i > 0; i--)
{
    int j = shuffle.Next(i + 1);
    (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
}
var train = shuffled.Take(shuffled.Count / 2).ToList();
var test = shuffled.Skip(shuffled.Count / 2).ToList();
Console.WriteLine($"seed {seed}: {items.Count} comments ({items.Count(x => !x.Spam)} ham, {items.Count(x => x.Spam)} spam, " +
                  $"{items.Count(x => x.Evasion is not null)} with an evasion) in {string.Join(", ", Phrases.All.Select(p => p.Language))}; " +
                  $"trained on {train.Count}, evaluated on {test.Count}");

var suspect = TermMatcher.Compile(Policy.SuspectWords);
var banned = TermMatcher.Compile(Policy.BannedWords);
var model = new NaiveBayesModel();
foreach (var item in train)
    model.Train(ClassifierFeatures.Extract(ModerationText.Normalize(item.Text)), item.Spam);
Console.WriteLine($"classifier: {model.SpamDocs} spam and {model.HamDocs} ham documents, {model.FeatureCount} features");

var rulesOnly = new Pipeline(suspect, banned, model: null);
var learned = new Pipeline(suspect, banned, model);

static (int Tp, int Fp, int Spam, int Ham) Count(IEnumerable<(Item Item, bool Held)> results)
{
    int tp = 0, fp = 0, s = 0, h = 0;
    foreach (var (item, held) in results)
    {
        if (item.Spam) { s++; if (held) tp++; }
        else { h++; if (held) fp++; }
    }
    return (tp, fp, s, h);
}

static string Row(string label, (int Tp, int Fp, int Spam, int Ham) c)
{
    double precision = c.Tp + c.Fp == 0 ? 1 : (double)c.Tp / (c.Tp + c.Fp);
    double recall = c.Spam == 0 ? 1 : (double)c.Tp / c.Spam;
    double falseHold = c.Ham == 0 ? 0 : (double)c.Fp / c.Ham;
    return string.Create(CultureInfo.InvariantCulture,
        $"{label,-22} {c.Spam,5} {c.Ham,5} {precision,10:P1} {recall,8:P1} {falseHold,11:P1}");
}

var rulesResults = test.Select(x => (Item: x, Held: rulesOnly.Decide(x.Text, x.StoryLanguage).Held)).ToList();
var learnedResults = test.Select(x => (Item: x, Held: learned.Decide(x.Text, x.StoryLanguage).Held)).ToList();
var rules = Count(rulesResults);
var withModel = Count(learnedResults);

Console.WriteLine();
Console.WriteLine($"{"held (evaluation half)",-22} {"spam",5} {"ham",5} {"precision",10} {"recall",8} {"false-hold",11}");
Console.WriteLine(Row("rules only", rules));
Console.WriteLine(Row("rules + classifier", withModel));
foreach (var language in Phrases.All.Select(p => p.Language))
{
    Console.WriteLine(Row($"  {language} rules", Count(rulesResults.Where(r => r.Item.Language == language))));
    Console.WriteLine(Row($"  {language} + classifier", Count(learnedResults.Where(r => r.Item.Language == language))));
}
foreach (var kind in Enum.GetValues<Kind>().Where(k => k != Kind.Ham))
    Console.WriteLine(Row($"  {kind.ToString().ToLowerInvariant()} + classifier", Count(learnedResults.Where(r => r.Item.Kind == kind))));
foreach (var evasion in new[] { "homoglyph", "zero-width", "spacing", "fullwidth", "leet" })
{
    Console.WriteLine(Row($"  {evasion} rules", Count(rulesResults.Where(r => r.Item.Evasion == evasion))));
}

if (verbose)
{
    Console.WriteLine("\nmisses (spam not held) and false holds, first 15 each:");
    foreach (var (item, _) in learnedResults.Where(r => r.Item.Spam && !r.Held).Take(15))
        Console.WriteLine($"  MISS [{item.Language}/{item.StoryLanguage} {item.Kind} {item.Evasion}] {item.Text}");
    foreach (var (item, _) in learnedResults.Where(r => !r.Item.Spam && r.Held).Take(15))
        Console.WriteLine($"  HOLD [{item.Language}/{item.StoryLanguage}] {string.Join(' ', learned.Decide(item.Text, item.StoryLanguage).Reasons)} | {item.Text}");
}

// Latency: every check of the learned pipeline per comment, after an untimed warm-up pass.
int warmups = int.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUPS") ?? "3", CultureInfo.InvariantCulture);
for (int w = 0; w < warmups; w++)
    foreach (var item in items)
        learned.Decide(item.Text, item.StoryLanguage);
var ticks = new long[items.Count];
for (int i = 0; i < items.Count; i++)
{
    long start = Stopwatch.GetTimestamp();
    learned.Decide(items[i].Text, items[i].StoryLanguage);
    ticks[i] = Stopwatch.GetTimestamp() - start;
}
Array.Sort(ticks);
double Ms(double q) => ticks[Math.Min(ticks.Length - 1, (int)Math.Ceiling(q * ticks.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
double p50 = Ms(0.50), p95 = Ms(0.95), p99 = Ms(0.99), max = ticks[^1] * 1000.0 / Stopwatch.Frequency;
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"latency per comment (normalize, terms, links, language, features, score) over {items.Count}: p50 {p50:0.000} ms, p95 {p95:0.000} ms, p99 {p99:0.000} ms, max {max:0.000} ms"));

bool ok = true;
void Check(bool met, string what)
{
    Console.WriteLine($"{(met ? "PASS" : "FAIL")} {what}");
    ok &= met;
}
Check(p99 < 5, string.Create(CultureInfo.InvariantCulture, $"p99 latency {p99:0.000} ms < 5 ms"));
double Recall((int Tp, int Fp, int Spam, int Ham) c) => (double)c.Tp / c.Spam;
double FalseHold((int Tp, int Fp, int Spam, int Ham) c) => (double)c.Fp / c.Ham;
Check(Recall(withModel) > Recall(rules), "the classifier adds recall over the rules alone");
Check(FalseHold(withModel) <= 0.05, string.Create(CultureInfo.InvariantCulture, $"false-hold rate {FalseHold(withModel):P1} <= 5 %"));
return ok ? 0 : 1;
