using System.Diagnostics;
using System.Text;

namespace Byline.Core.Tests;

public class ManyAnchorsTests
{
    private static readonly string[] Words =
    [
        "council", "bridge", "river", "mayor", "budget", "school", "harbour", "winter", "ferry", "market",
        "the", "a", "of", "and", "to", "in", "said", "will", "was", "on", "residents", "engineers", "plan",
        "closure", "weeks", "repairs", "traffic", "vote", "report", "town",
    ];

    private static string Story(Random random, int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var word = Words[random.Next(Words.Length)];
            text.Append(i % 14 == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            text.Append(i % 14 == 13 ? (i % 70 == 69 ? ".\n\n" : ". ") : " ");
        }
        return text.ToString();
    }

    [Fact]
    public void AThousandAnchorsOnATwoThousandWordStoryAllFollowAnInsertedParagraph()
    {
        var random = new Random(7);
        var oldText = Story(random, 2000);
        var paragraph = "A new paragraph about the ferry timetable was added by the editor.\n\n";
        var insertAt = oldText.IndexOf("\n\n", oldText.Length / 2, StringComparison.Ordinal) + 2;
        var newText = oldText.Insert(insertAt, paragraph);
        var anchors = new List<TextAnchor>();
        while (anchors.Count < 1000)
        {
            var start = random.Next(oldText.Length - 60);
            while (start > 0 && oldText[start - 1] != ' ')
                start++;
            var end = oldText.IndexOf(' ', start + 1 + random.Next(50));
            if (end > start && (end <= insertAt || start >= insertAt))
                anchors.Add(TextAnchors.At(oldText, start, end));
        }

        var clock = Stopwatch.StartNew();
        var edit = TextEdit.Between(oldText, newText);
        var results = anchors.Select(edit.Reanchor).ToList();
        clock.Stop();

        for (var i = 0; i < anchors.Count; i++)
        {
            var anchor = anchors[i];
            var expected = anchor.Start >= insertAt ? anchor.Start + paragraph.Length : anchor.Start;
            Assert.Equal(expected, results[i].Start);
            Assert.Equal(anchor.Exact, newText[results[i].Start..results[i].End]);
            Assert.Equal(anchor.Start >= insertAt ? AnchorOutcome.Moved : AnchorOutcome.Kept, results[i].Outcome);
        }
        // The bar is well under a second; allow for a slow shared CI machine without losing the point.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void AThousandAnchorsSurviveScatteredRewritesWithoutAttachingWrongly()
    {
        var random = new Random(11);
        var originals = Story(random, 2000).Split(". ");
        // Rewrite every tenth sentence: anchors inside those must orphan, all others must keep their words.
        var sentences = originals.Select((s, i) => i % 10 == 5 ? "Completely different words replaced this sentence here" : s).ToArray();
        var oldText = string.Join(". ", originals);
        var newText = string.Join(". ", sentences);
        var edit = TextEdit.Between(oldText, newText);

        var checkedAnchors = 0;
        int oldOffset = 0, newOffset = 0;
        for (var i = 0; i < originals.Length; i++)
        {
            var sentence = originals[i];
            for (var k = 0; k < 9 && sentence.Length > 40; k++, checkedAnchors++)
            {
                var start = oldOffset + random.Next(sentence.Length / 2);
                var end = Math.Min(oldOffset + sentence.Length, start + 5 + random.Next(30));
                var result = edit.Reanchor(TextAnchors.At(oldText, start, end));
                if (i % 10 == 5)
                {
                    Assert.Equal(AnchorOutcome.Orphaned, result.Outcome);
                }
                else
                {
                    Assert.Equal(newOffset + (start - oldOffset), result.Start);
                    Assert.Equal(newOffset + (end - oldOffset), result.End);
                }
            }
            oldOffset += sentence.Length + 2;
            newOffset += sentences[i].Length + 2;
        }
        Assert.True(checkedAnchors >= 1000, $"only {checkedAnchors} anchors checked");
    }
}
