namespace Byline.Core.Tests;

public class SelectorCreationTests
{
    [Theory]
    // text, start, end, exact, prefix, suffix
    [InlineData("The mayor resigned on Friday.", 10, 18, "resigned", "The mayor ", " on Friday.")]
    [InlineData("Short.", 0, 6, "Short.", "", "")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789|X|abcdefghijklmnopqrstuvwxyz0123456789", 37, 38, "X",
        "fghijklmnopqrstuvwxyz0123456789|", "|abcdefghijklmnopqrstuvwxyz01234")]
    [InlineData("市长周五宣布辞职，市议会将于下周开会。", 4, 8, "宣布辞职", "市长周五", "，市议会将于下周开会。")]
    public void ContextIsTakenFromTheTextUpToThirtyTwoCodeUnits(string text, int start, int end, string exact, string prefix, string suffix)
    {
        var anchor = TextAnchors.At(text, start, end);

        Assert.Equal(new TextAnchor(exact, prefix, suffix, start, end), anchor);
        Assert.True(anchor.Prefix.Length <= TextAnchors.ContextLength && anchor.Suffix.Length <= TextAnchors.ContextLength);
    }

    [Fact]
    public void ContextShrinksRatherThanSplitAnEmojiAtItsOuterEdge()
    {
        // 31 letters then an emoji (2 code units) before the passage: 32 units back lands between the emoji's halves.
        var before = "😀" + new string('a', 31);
        var after = new string('b', 31) + "🎉";
        var text = before + "PASSAGE" + after;
        var start = before.Length;
        var end = start + "PASSAGE".Length;

        var anchor = TextAnchors.At(text, start, end);

        Assert.Equal(new string('a', 31), anchor.Prefix);
        Assert.Equal(new string('b', 31), anchor.Suffix);
    }

    [Fact]
    public void ContextKeepsAWholeEmojiThatFitsInside()
    {
        var text = "x🎉y" + "PASSAGE" + "z😀w";
        var anchor = TextAnchors.At(text, 4, 11);

        Assert.Equal("x🎉y", anchor.Prefix);
        Assert.Equal("z😀w", anchor.Suffix);
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(3, 2)]
    [InlineData(2, 2)]
    [InlineData(0, 100)]
    [InlineData(1, 4)] // starts inside the first emoji
    [InlineData(0, 1)] // ends inside the first emoji
    public void BadRangesAreRefused(int start, int end)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TextAnchors.At("😀 ok 🎉", start, end));
    }

    [Fact]
    public void AnEmojiPassageIsWholeCodeUnits()
    {
        var text = "Fans 🎉🎉 cheered";
        var anchor = TextAnchors.At(text, 5, 9);

        Assert.Equal("🎉🎉", anchor.Exact);
        Assert.Equal("Fans ", anchor.Prefix);
        Assert.Equal(" cheered", anchor.Suffix);
    }
}
