using Byline.Web.Newsroom;
using static Byline.Web.Newsroom.WordDiff;

namespace Byline.Tests.Newsroom;

public sealed class RevisionWordDiffTests
{
    /// <summary>A diff written the way a proofreader marks it: [-deleted-] and {+inserted+}.</summary>
    private static string Marked(string before, string after) => string.Concat(Compare(before, after).Select(run => run.Kind switch
    {
        Kind.Deleted => $"[-{run.Text}-]",
        Kind.Inserted => $"{{+{run.Text}+}}",
        _ => run.Text,
    }));

    [Theory]
    [InlineData("The levy was agreed.", "The levy was agreed.", "The levy was agreed.")]
    [InlineData("The levy was agreed.", "The levy was rejected.", "The levy was [-agreed-]{+rejected+}.")]
    [InlineData("The levy was agreed.", "The new levy was agreed.", "The {+new +}levy was agreed.")]
    [InlineData("The levy was agreed at dawn.", "The levy was agreed.", "The levy was agreed[- at dawn-].")]
    [InlineData("the cat sat down", "a dog sat down", "[-the cat-]{+a dog+} sat down")]
    [InlineData("", "New text", "{+New text+}")]
    [InlineData("Old text", "", "[-Old text-]")]
    public void MarksWholeWordsThatChanged(string before, string after, string expected) =>
        Assert.Equal(expected, Marked(before, after));

    [Fact]
    public void AChangedLetterMarksItsWordNotSingleCharacters() =>
        Assert.Equal("Delegates left at [-dawn-]{+dusk+}.", Marked("Delegates left at dawn.", "Delegates left at dusk."));

    [Fact]
    public void PunctuationIsATokenOfItsOwn() =>
        Assert.Equal("It rained[-,-]{+;+} then it stopped[-.-]{+!+}", Marked("It rained, then it stopped.", "It rained; then it stopped!"));

    [Fact]
    public void ChangingOneChineseCharacterMarksOnlyThatCharacter() =>
        Assert.Equal("夜间列车今天[-恢-]{+停+}复运行。", Marked("夜间列车今天恢复运行。", "夜间列车今天停复运行。"));

    [Fact]
    public void InsertingChineseWordsKeepsTheRestOfTheSentence() =>
        Assert.Equal("夜间列车{+明天+}恢复运行。", Marked("夜间列车恢复运行。", "夜间列车明天恢复运行。"));

    [Fact]
    public void JapaneseKanaAndKanjiDiffCharacterByCharacter() =>
        Assert.Equal("夜行列車が[-再開-]{+運休+}した", Marked("夜行列車が再開した", "夜行列車が運休した"));

    [Fact]
    public void EmojiAreNeverCutInHalf()
    {
        var runs = Compare("Great news 👍🏽 today", "Great news 👨‍👩‍👧 today");

        Assert.Equal("Great news [-👍🏽-]{+👨‍👩‍👧+} today", Marked("Great news 👍🏽 today", "Great news 👨‍👩‍👧 today"));
        Assert.All(runs, run => Assert.False(char.IsLowSurrogate(run.Text[0]), $"a run starts inside a surrogate pair: {run.Text}"));
    }

    [Fact]
    public void TokensPutTogetherAreTheTextAgain()
    {
        const string text = "Ça va? 夜间列车 👩🏽‍💻 e\u0301te\u0301 — \"quoted\"\n\nنص عربي  tab\there";

        Assert.Equal(text, string.Concat(Tokenize(text)));
        Assert.Contains("e\u0301te\u0301", Tokenize(text));
        Assert.Contains("👩🏽‍💻", Tokenize(text));
        Assert.Contains("عربي", Tokenize(text));
    }

    [Fact]
    public void BothSidesCanBeRebuiltFromTheRuns()
    {
        const string before = "Line one.\n\nThe levy was agreed after a long night.\n\n夜间列车恢复运行。";
        const string after = "Line one, revised.\n\nThe levy was agreed after talks.\n\n夜间列车明天恢复运行。\n\nA new paragraph.";
        var runs = Compare(before, after);

        Assert.Equal(before, string.Concat(runs.Where(r => r.Kind != Kind.Inserted).Select(r => r.Text)));
        Assert.Equal(after, string.Concat(runs.Where(r => r.Kind != Kind.Deleted).Select(r => r.Text)));
    }

    [Fact]
    public void WithinAChangeDeletionComesBeforeInsertionAndRunsDoNotRepeatTheirKind()
    {
        var runs = Compare("one two three four", "one 2 3 four");

        Assert.Equal("one [-two three-]{+2 3+} four", Marked("one two three four", "one 2 3 four"));
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.NotEqual(runs[i - 1].Kind, runs[i].Kind);
        }
    }

    [Fact]
    public void NullReadsAsEmpty()
    {
        Assert.Empty(Compare(null, null));
        Assert.Equal([new Run(Kind.Inserted, "A standfirst")], Compare(null, "A standfirst"));
        Assert.False(HasChanges(Compare("same", "same")));
    }
}
