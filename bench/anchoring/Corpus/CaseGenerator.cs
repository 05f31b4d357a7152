using Byline.Core.Anchoring;

namespace Byline.Bench.Anchoring.Corpus;

internal sealed record AnchorCase(TextAnchor Anchor, Expectation Expected, bool IsTarget, bool IsShort);

/// <summary>One edit of one text with the passages to re-anchor through it.</summary>
internal sealed record EditCase(string Kind, SourceText Source, string OldText, string NewText, IReadOnlyList<AnchorCase> Anchors);

/// <summary>
/// Builds the corpus: for each text and edit kind, an old text, an edit modelled on real newsroom changes, one
/// target passage placed where the edit matters, and a few bystander passages anywhere. Fixed seed, so a run is
/// reproducible; a different seed gives a held-out corpus.
/// </summary>
internal sealed class CaseGenerator(int seed)
{
    public static readonly string[] Kinds =
    [
        "typo fix in passage", "sentence inserted nearby", "sentence deleted", "paragraph moved", "passage reworded (small)",
        "passage rewritten (large)", "punctuation/whitespace", "quote style", "pull quote, original kept",
        "pull quote, original corrected", "pull quote, original rewritten", "short anchor, repeated word",
    ];

    private const int Bystanders = 3;
    private readonly Random random = new(seed);

    public List<EditCase> Generate(IReadOnlyList<SourceText> texts, int casesPerKindAndText)
    {
        var cases = new List<EditCase>();
        foreach (var source in texts)
        {
            foreach (var kind in Kinds)
            {
                for (int made = 0, tries = 0; made < casesPerKindAndText && tries < casesPerKindAndText * 30; tries++)
                {
                    if (TryMake(kind, source) is { } made1)
                    {
                        cases.Add(made1);
                        made++;
                    }
                }
            }
        }
        return cases;
    }

    private EditCase? TryMake(string kind, SourceText source)
    {
        var baseText = source.Text;
        var shape = new TextShape(baseText);
        var words = Pools.Words(source.Script);
        var sentences = Pools.Sentences(source.Script);
        var cjk = source.Script == Script.Cjk;
        var gap = cjk ? "" : " ";
        (int Start, int End) passage;
        var oldText = baseText;
        EditPlan plan;

        switch (kind)
        {
            case "typo fix in passage":
            {
                passage = Passage(shape, random.Next(4) == 0 ? 1 : 3, 25, cjk);
                var candidates = WordsIn(shape, passage).Where(w => cjk || w.End - w.Start >= 4).ToList();
                if (candidates.Count == 0)
                    return null;
                var w = candidates[random.Next(candidates.Count)];
                var correct = baseText[w.Start..w.End];
                string typo;
                if (cjk || !correct.All(char.IsLetter))
                {
                    typo = cjk ? words[random.Next(words.Length)] : correct[..^1] + "x";
                }
                else
                {
                    var i = 1 + random.Next(correct.Length - 2);
                    typo = correct[..i] + correct[i + 1] + correct[i] + correct[(i + 2)..];
                }
                if (typo == correct || typo.Length != correct.Length)
                    return null;
                oldText = baseText[..w.Start] + typo + baseText[w.End..];
                plan = new EditPlan(oldText);
                plan.Rewrite(w.Start, w.End, correct, small: true);
                break;
            }
            case "sentence inserted nearby":
            {
                passage = Passage(shape, 1, 30, cjk);
                plan = new EditPlan(oldText);
                var at = NearbySentenceStart(shape, passage);
                if (at < 0 || (at > passage.Start && at < passage.End))
                    return null;
                plan.Insert(at, sentences[random.Next(sentences.Length)] + gap);
                break;
            }
            case "sentence deleted":
            {
                var s = shape.Sentences[random.Next(shape.Sentences.Count)];
                var inside = random.Next(10) < 6;
                var sentenceIndex = IndexOf(shape.Sentences, s);
                var host = inside ? s : shape.Sentences[Math.Clamp(sentenceIndex + (random.Next(2) == 0 ? -1 : 1), 0, shape.Sentences.Count - 1)];
                passage = PassageWithin(shape, host, 1, 20, cjk);
                if (passage.End <= passage.Start)
                    return null;
                var end = s.End;
                while (end < oldText.Length && oldText[end] == ' ')
                    end++;
                plan = new EditPlan(oldText);
                plan.Delete(s.Start, end);
                break;
            }
            case "paragraph moved":
            {
                if (shape.Paragraphs.Count < 4)
                    return null;
                var p = random.Next(shape.Paragraphs.Count - 1);
                var para = shape.Paragraphs[p];
                passage = PassageWithin(shape, para, 1, 30, cjk);
                var q = random.Next(shape.Paragraphs.Count);
                if (Math.Abs(q - p) < 2)
                    return null;
                plan = new EditPlan(oldText);
                if (!plan.Move(para.Start, para.End + 2, shape.Paragraphs[q].Start))
                    return null;
                break;
            }
            case "passage reworded (small)":
            {
                passage = Passage(shape, cjk ? 10 : 6, 30, cjk);
                var inside = WordsIn(shape, passage).ToList();
                if (inside.Count < (cjk ? 10 : 6))
                    return null;
                var w = inside[random.Next(inside.Count)];
                var replacement = words[random.Next(words.Length)];
                if (replacement == oldText[w.Start..w.End])
                    return null;
                plan = new EditPlan(oldText);
                plan.Rewrite(w.Start, w.End, replacement, small: true);
                break;
            }
            case "passage rewritten (large)":
            {
                passage = Passage(shape, cjk ? 6 : 4, 25, cjk);
                plan = new EditPlan(oldText);
                plan.Rewrite(passage.Start, passage.End, Gibberish(words, WordsIn(shape, passage).Count(), gap), small: false);
                break;
            }
            case "punctuation/whitespace":
            {
                passage = Passage(shape, 4, 30, cjk);
                var inside = WordsIn(shape, passage).ToList();
                if (inside.Count < 4 || cjk)
                    return null;
                var w = inside[1 + random.Next(inside.Count - 2)];
                if (random.Next(2) == 0)
                {
                    // A double space the editor collapsed: present in the old text, single in the new one.
                    if (oldText[w.End] != ' ')
                        return null;
                    oldText = oldText[..w.End] + " " + oldText[w.End..];
                    passage = (passage.Start, passage.End + 1);
                    plan = new EditPlan(oldText);
                    plan.Rewrite(w.End, w.End + 2, " ", small: true);
                }
                else
                {
                    // A comma added or a comma turned into a dash, after a word inside the passage.
                    plan = new EditPlan(oldText);
                    if (oldText[w.End] == ',')
                        plan.Rewrite(w.End, w.End + 1, " —", small: true);
                    else
                        plan.Insert(w.End, ",");
                }
                break;
            }
            case "quote style":
            {
                var quotes = Enumerable.Range(0, oldText.Length).Where(i => oldText[i] is '"' or '\'' or '“' or '”' or '’').ToList();
                if (quotes.Count == 0)
                    return null;
                var near = quotes[random.Next(quotes.Count)];
                passage = PassageAround(shape, near, random.Next(3, 20), cjk);
                plan = new EditPlan(oldText);
                var open = true;
                foreach (var i in quotes)
                {
                    var c = oldText[i];
                    var swapped = c switch
                    {
                        '"' => open ? "“" : "”",
                        '\'' => "’",
                        '’' => "'",
                        _ => "\"",
                    };
                    if (c == '"')
                        open = !open;
                    plan.Rewrite(i, i + 1, swapped, small: true);
                }
                break;
            }
            case "pull quote, original kept" or "pull quote, original corrected" or "pull quote, original rewritten":
            {
                passage = Passage(shape, cjk ? 8 : 5, 25, cjk);
                var quote = oldText[passage.Start..passage.End];
                var paragraph = shape.Paragraphs.Where(p => p.Start > passage.End || p.End < passage.Start).ToList();
                if (paragraph.Count == 0)
                    return null;
                var host = random.Next(2) == 0 ? paragraph.MinBy(p => Math.Abs(p.Start - passage.Start)) : paragraph[random.Next(paragraph.Count)];
                plan = new EditPlan(oldText);
                plan.Insert(host.Start, "“" + quote + "”\n\n");
                var inside = WordsIn(shape, passage).ToList();
                if (kind.EndsWith("corrected", StringComparison.Ordinal))
                {
                    var w = inside[random.Next(inside.Count)];
                    var replacement = words[random.Next(words.Length)];
                    if (replacement == oldText[w.Start..w.End] || !plan.Rewrite(w.Start, w.End, replacement, small: true))
                        return null;
                }
                else if (kind.EndsWith("rewritten", StringComparison.Ordinal))
                {
                    if (!plan.Rewrite(passage.Start, passage.End, Gibberish(words, inside.Count, gap), small: false))
                        return null;
                }
                break;
            }
            case "short anchor, repeated word":
            {
                var repeated = shape.Words.Where(w => w.End - w.Start >= 2 &&
                    oldText.IndexOf(oldText[w.Start..w.End], StringComparison.Ordinal) != w.Start).ToList();
                if (repeated.Count == 0)
                    return null;
                var w = repeated[random.Next(repeated.Count)];
                passage = w;
                plan = new EditPlan(oldText);
                var s = shape.Sentences.FirstOrDefault(x => x.Start <= w.Start && x.End >= w.End);
                if (random.Next(2) == 0 && s.End > s.Start)
                {
                    var end = s.End;
                    while (end < oldText.Length && oldText[end] == ' ')
                        end++;
                    plan.Delete(s.Start, end);
                }
                else
                {
                    var at = NearbySentenceStart(shape, passage);
                    if (at < 0 || at > passage.Start)
                        return null;
                    plan.Insert(at, sentences[random.Next(sentences.Length)] + gap);
                }
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        if (passage.End <= passage.Start)
            return null;
        AddNoise(plan, new TextShape(oldText), passage, sentences, gap);
        var target = plan.Expect(passage.Start, passage.End);
        if (target.Truth == Truth.Ambiguous)
            return null;
        var anchors = new List<AnchorCase> { new(TextAnchors.At(oldText, passage.Start, passage.End), target, true, IsShort(oldText, passage)) };
        var oldShape = new TextShape(oldText);
        for (var b = 0; b < Bystanders; b++)
        {
            var p = Passage(oldShape, random.Next(3) == 0 ? 1 : 3, 30, cjk);
            var expected = plan.Expect(p.Start, p.End);
            if (p.End > p.Start && expected.Truth != Truth.Ambiguous)
                anchors.Add(new AnchorCase(TextAnchors.At(oldText, p.Start, p.End), expected, false, IsShort(oldText, p)));
        }
        return new EditCase(kind, source, oldText, plan.NewText, anchors);
    }

    // Unrelated edits elsewhere in the same revision: a real update rarely changes one thing only.
    private void AddNoise(EditPlan plan, TextShape shape, (int Start, int End) passage, string[] sentences, string gap)
    {
        var count = random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var s = shape.Sentences[random.Next(shape.Sentences.Count)];
            if (Math.Abs(s.Start - passage.Start) < 200 || !plan.IsFree(s.Start, s.End + 1, 40))
                continue;
            if (random.Next(2) == 0)
                plan.Insert(s.Start, sentences[random.Next(sentences.Length)] + gap);
            else
                plan.Delete(s.Start, s.End);
        }
    }

    private static bool IsShort(string text, (int Start, int End) passage) =>
        new TextShape(text[passage.Start..passage.End]).Words.Count <= 2 || passage.End - passage.Start < 6;

    private static string Gibberish(string[] words, int count, string gap) =>
        string.Join(gap, Enumerable.Range(0, Math.Max(2, count)).Select(i => words[(i * 7 + count) % words.Length]));

    private static int IndexOf(IReadOnlyList<(int, int)> list, (int, int) item)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == item)
                return i;
        return -1;
    }

    private static IEnumerable<(int Start, int End)> WordsIn(TextShape shape, (int Start, int End) range) =>
        shape.Words.Where(w => w.Start >= range.Start && w.End <= range.End);

    private int NearbySentenceStart(TextShape shape, (int Start, int End) passage)
    {
        var starts = shape.Sentences.Select(s => s.Start).Where(s => s <= passage.Start || s >= passage.End)
            .OrderBy(s => Math.Abs(s - passage.Start)).Take(4).ToList();
        return starts.Count == 0 ? -1 : starts[random.Next(starts.Count)];
    }

    // A passage of whole words: 1-2 words a quarter of the time, otherwise up to maxWords (doubled for CJK, where a word is a character).
    private (int Start, int End) Passage(TextShape shape, int minWords, int maxWords, bool cjk)
    {
        var scale = cjk ? 2 : 1;
        var count = random.Next(4) == 0 && minWords <= 2 ? 1 + random.Next(2 * scale) : (minWords + random.Next(Math.Max(1, maxWords - minWords))) * scale;
        count = Math.Max(count, minWords);
        if (shape.Words.Count <= count)
            return (0, 0);
        var first = random.Next(shape.Words.Count - count);
        var start = shape.Words[first].Start;
        var end = shape.Words[first + count - 1].End;
        // Passages stay inside one paragraph, as a reader's selection usually does.
        var para = shape.Paragraphs.First(p => p.End >= start);
        return end <= para.End ? (start, end) : (start, shape.Words.Last(w => w.End <= para.End).End);
    }

    private (int Start, int End) PassageWithin(TextShape shape, (int Start, int End) range, int minWords, int maxWords, bool cjk)
    {
        var inside = WordsIn(shape, range).ToList();
        if (inside.Count == 0)
            return (0, 0);
        var scale = cjk ? 2 : 1;
        var count = Math.Min(inside.Count, random.Next(4) == 0 ? 1 + random.Next(2) : (minWords + random.Next(maxWords - minWords)) * scale);
        var first = random.Next(inside.Count - count + 1);
        return (inside[first].Start, inside[first + count - 1].End);
    }

    private static (int Start, int End) PassageAround(TextShape shape, int offset, int words, bool cjk)
    {
        var index = shape.Words.Select((w, i) => (w, i)).FirstOrDefault(x => x.w.End >= offset).i;
        var count = words * (cjk ? 2 : 1);
        var first = Math.Max(0, index - count / 2);
        var last = Math.Min(shape.Words.Count - 1, first + count - 1);
        return (shape.Words[first].Start, shape.Words[last].End);
    }
}
