namespace Byline.Core.Tests;

public class ReanchorStageTests
{
    private const string Council =
        "The council met on Tuesday evening. [[The mayor announced that the bridge will close for repairs]] in March. " +
        "Residents asked how long the closure would last. The engineer said about six weeks.";

    public static TheoryData<string, string, string, AnchorOutcome> Cases => new()
    {
        {
            "kept: edit after the passage",
            Council,
            "The council met on Tuesday evening. [[The mayor announced that the bridge will close for repairs]] in March. " +
            "Residents asked how long the closure would last. The chief engineer said about eight weeks.",
            AnchorOutcome.Kept
        },
        {
            "moved via diff: sentence inserted before",
            Council,
            "Snow fell all day. The council met on Tuesday evening. [[The mayor announced that the bridge will close for repairs]] in March. " +
            "Residents asked how long the closure would last. The engineer said about six weeks.",
            AnchorOutcome.Moved
        },
        {
            "moved: its paragraph moved to the end",
            "First paragraph about the budget.\n\nSecond paragraph where [[the treasurer admitted a shortfall]] of two million.\n\nThird paragraph on schools.",
            "First paragraph about the budget.\n\nThird paragraph on schools.\n\nSecond paragraph where [[the treasurer admitted a shortfall]] of two million.",
            AnchorOutcome.Moved
        },
        {
            "fuzzy: one word of the passage reworded",
            Council,
            "The council met on Tuesday evening. [[The mayor said that the bridge will close for repairs]] in March. " +
            "Residents asked how long the closure would last. The engineer said about six weeks.",
            AnchorOutcome.Fuzzy
        },
        {
            "fuzzy: a typo fixed inside the passage",
            "The council met on Tuesday evening. [[The mayor anounced that the brigde will close for repairs]] in March.",
            "The council met on Tuesday evening. [[The mayor announced that the bridge will close for repairs]] in March.",
            AnchorOutcome.Fuzzy
        },
        {
            "fuzzy: straight quotes made curly inside the passage",
            "Critics said [[the plan \"won't work\" without funding]] from the state.",
            "Critics said [[the plan “won’t work” without funding]] from the state.",
            AnchorOutcome.Fuzzy
        },
        {
            "fuzzy beats an exact pull quote: the original was corrected, a pull quote of the old words was inserted",
            Council,
            "\u201cThe mayor announced that the bridge will close for repairs\u201d\n\n" +
            "The council met on Tuesday evening. [[The mayor announced that the bridge will close for repair work]] in March. " +
            "Residents asked how long the closure would last. The engineer said about six weeks.",
            AnchorOutcome.Fuzzy
        },
        {
            "a pull quote inserted elsewhere leaves the untouched original in place",
            Council,
            "The council met on Tuesday evening. [[The mayor announced that the bridge will close for repairs]] in March. " +
            "\u201cThe mayor announced that the bridge will close for repairs\u201d\n\n" +
            "Residents asked how long the closure would last. The engineer said about six weeks.",
            AnchorOutcome.Kept
        },
        {
            "orphan: the passage rewritten entirely, though a pull quote still has the old words",
            Council,
            "\u201cThe mayor announced that the bridge will close for repairs\u201d\n\n" +
            "The council met on Tuesday evening. Works on the river crossing are postponed until autumn, officials said. " +
            "Residents asked how long the closure would last. The engineer said about six weeks.",
            AnchorOutcome.Orphaned
        },
        {
            "orphan: the sentence was deleted, a similar sentence elsewhere does not inherit it",
            "The mayor announced that the bridge will close in March. [[The mayor announced that the tunnel will close in April.]] Traffic will divert.",
            "The mayor announced that the bridge will close in March. Traffic will divert.",
            AnchorOutcome.Orphaned
        },
        {
            "short anchor: one word stays on its own occurrence when text before it grows",
            "The mayor spoke. Then [[mayor]] Ortiz left. The mayor returned.",
            "The deputy mayor spoke at length. Then [[mayor]] Ortiz left. The mayor returned.",
            AnchorOutcome.Moved
        },
        {
            "short anchor: a deleted one-word passage does not jump to another occurrence",
            "The mayor spoke. Then [[mayor]] Ortiz left the hall in a hurry. The mayor returned.",
            "The mayor spoke. Then the hall emptied in a hurry. The mayor returned.",
            AnchorOutcome.Orphaned
        },
        {
            "short anchor: two words deleted with their sentence, the same two words remain elsewhere",
            "Prices rose again. [[Prices rose]] by four percent in May. Analysts were surprised.",
            "Prices rose again. Analysts were surprised.",
            AnchorOutcome.Orphaned
        },
        {
            "CJK: a sentence inserted before the passage",
            "市议会周二晚上开会。[[市长宣布大桥将在三月关闭维修]]。居民询问关闭会持续多久。",
            "今天全天下雪。市议会周二晚上开会。[[市长宣布大桥将在三月关闭维修]]。居民询问关闭会持续多久。",
            AnchorOutcome.Moved
        },
        {
            "CJK: one character of the passage corrected",
            "市议会周二晚上开会。[[市长宣布大桥将在三月关闭维修工程]]。居民询问关闭会持续多久。",
            "市议会周二晚上开会。[[市长宣布大桥将在四月关闭维修工程]]。居民询问关闭会持续多久。",
            AnchorOutcome.Fuzzy
        },
        {
            "Japanese: a clause inserted before the passage",
            "市議会は火曜日に開かれた。[[市長は橋を三月に閉鎖すると発表した]]。",
            "雪の中、市議会は火曜日の夜に開かれた。[[市長は橋を三月に閉鎖すると発表した]]。",
            AnchorOutcome.Moved
        },
        {
            "emoji: emoji inserted before the passage, which itself has emoji",
            "Fans cheered 🎉 when [[the team 🏆 lifted the cup]] at last.",
            "Fans 😀😀 cheered 🎉🎉 when [[the team 🏆 lifted the cup]] at last.",
            AnchorOutcome.Moved
        },
        {
            "emoji: an emoji inside the passage swapped",
            "Fans cheered when [[the team 🏆 lifted the cup on Sunday]] at last.",
            "Fans cheered when [[the team 🥇 lifted the cup on Sunday]] at last.",
            AnchorOutcome.Fuzzy
        },
        {
            "Arabic (RTL): a sentence inserted before",
            "اجتمع المجلس يوم الثلاثاء. [[أعلن رئيس البلدية إغلاق الجسر في مارس]] للصيانة.",
            "تساقط الثلج طوال اليوم. اجتمع المجلس يوم الثلاثاء. [[أعلن رئيس البلدية إغلاق الجسر في مارس]] للصيانة.",
            AnchorOutcome.Moved
        },
        {
            "combining marks: text before the passage changed",
            "Le maire a parlé. [[Le cafe\u0301 de la gare ferme]] en mars.",
            "Le maire a longuement parlé. [[Le cafe\u0301 de la gare ferme]] en mars.",
            AnchorOutcome.Moved
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReanchorsToTheRightWordsOrOrphans(string why, string oldMarked, string newMarked, AnchorOutcome outcome)
    {
        var (newText, start, end) = Marked.Parse(newMarked);

        var result = Marked.Reanchor(oldMarked, newText);

        Assert.True(outcome == result.Outcome, $"{why}: expected {outcome}, got {result}");
        if (outcome != AnchorOutcome.Orphaned)
            Assert.True((start, end) == (result.Start, result.End),
                $"{why}: expected [{start},{end}) '{newText[start..end]}', got {result} '{newText[result.Start..result.End]}'");
        Assert.InRange(result.Confidence, 0, 1);
    }

    [Fact]
    public void TheSameTextIsKeptWithFullConfidence()
    {
        var result = Marked.Reanchor(Council, Marked.Parse(Council).Text);

        Assert.Equal(new Reanchored(AnchorOutcome.Kept, 36, 94, 1, false), result);
    }

    [Fact]
    public void AFuzzyMatchIsLessConfidentThanAnExactOne()
    {
        var reworded = "The council met on Tuesday evening. The mayor said that the bridge will close for repairs in March.";
        var moved = "Snow. The council met on Tuesday evening. The mayor announced that the bridge will close for repairs in March.";

        var fuzzy = Marked.Reanchor(Council, reworded);
        var exact = Marked.Reanchor(Council, moved);

        Assert.Equal(AnchorOutcome.Fuzzy, fuzzy.Outcome);
        Assert.True(fuzzy.Confidence < exact.Confidence, $"{fuzzy} vs {exact}");
    }

    [Fact]
    public void OverlappingAnchorsEachFollowTheirOwnWords()
    {
        const string oldText = "Officials confirmed the bridge will close for repairs in March, weeks earlier than planned.";
        const string newText = "On Monday, officials confirmed the old bridge will close for repairs in March, weeks earlier than planned.";
        var edit = TextEdit.Between(oldText, newText);
        var outer = Passage(oldText, "confirmed the bridge will close for repairs in March");
        var inner = Passage(oldText, "bridge will close for repairs");
        var tail = Passage(oldText, "repairs in March, weeks earlier than planned.");

        var outerResult = edit.Reanchor(outer);
        var innerResult = edit.Reanchor(inner);
        var tailResult = edit.Reanchor(tail);

        Assert.Equal(AnchorOutcome.Fuzzy, outerResult.Outcome);
        Assert.Equal("confirmed the old bridge will close for repairs in March", newText[outerResult.Start..outerResult.End]);
        Assert.Equal(AnchorOutcome.Moved, innerResult.Outcome);
        Assert.Equal("bridge will close for repairs", newText[innerResult.Start..innerResult.End]);
        Assert.Equal(AnchorOutcome.Moved, tailResult.Outcome);
        Assert.Equal("repairs in March, weeks earlier than planned.", newText[tailResult.Start..tailResult.End]);
    }

    private static TextAnchor Passage(string text, string quote)
    {
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        return TextAnchors.At(text, start, start + quote.Length);
    }

    [Fact]
    public void AnAnchorWithDriftedOffsetsIsFoundByItsQuoteFirst()
    {
        const string oldText = "Alpha beta gamma. The quick brown fox jumps. Delta epsilon.";
        const string newText = "Intro. Alpha beta gamma. The quick brown fox jumps. Delta epsilon.";
        var stale = new TextAnchor("quick brown fox", "gamma. The ", " jumps. Delta", 3, 18);

        var result = TextEdit.Between(oldText, newText).Reanchor(stale);

        Assert.Equal(AnchorOutcome.Moved, result.Outcome);
        Assert.Equal("quick brown fox", newText[result.Start..result.End]);
    }

    [Fact]
    public void ReturnedOffsetsNeverSplitAnEmoji()
    {
        const string oldText = "Crowds 🎉 sang as the team lifted 🏆 the cup on Sunday night.";
        const string newText = "Crowds 🎉🎉 sang as the side lifted 🥇 the cup on Sunday night.";
        var edit = TextEdit.Between(oldText, newText);

        for (var start = 0; start < oldText.Length; start++)
        {
            for (var end = start + 1; end <= oldText.Length; end++)
            {
                if (char.IsLowSurrogate(oldText[start]) || (end < oldText.Length && char.IsLowSurrogate(oldText[end])))
                    continue;
                var result = edit.Reanchor(TextAnchors.At(oldText, start, end));
                if (result.Outcome == AnchorOutcome.Orphaned)
                    continue;
                Assert.False(result.Start > 0 && char.IsLowSurrogate(newText[result.Start]), $"start splits a pair: {result}");
                Assert.False(result.End < newText.Length && char.IsLowSurrogate(newText[result.End]), $"end splits a pair: {result}");
                Assert.InRange(result.End, result.Start + 1, newText.Length);
            }
        }
    }
}
