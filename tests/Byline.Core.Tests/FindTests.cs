namespace Byline.Core.Tests;

public class FindTests
{
    private const string Text = "The council met. The mayor spoke first. Later the mayor spoke again, and the mayor left.";

    [Theory]
    // prefix, suffix, expectedStart → expected start of the chosen occurrence
    [InlineData("Later the ", " spoke again", null, 50)]
    [InlineData("met. The ", " spoke first", null, 21)]
    [InlineData(", and the ", " left.", null, 77)]
    [InlineData(null, null, 75, 77)]
    [InlineData(null, null, 0, 21)]
    [InlineData("", "", 48, 50)]
    // Context beats position: the offsets drifted by a whole sentence, the words still identify the passage.
    [InlineData("met. The ", " spoke first", 77, 21)]
    public void ChoosesTheOccurrenceWhoseContextAndPositionAgree(string? prefix, string? suffix, int? expected, int start)
    {
        var found = TextAnchors.Find(Text, "mayor", prefix, suffix, expected);

        Assert.Equal((start, start + 5), found);
    }

    [Theory]
    [InlineData("governor")]
    [InlineData("")]
    [InlineData("Mayor spoke first")] // ordinal: case matters, the DOM quote is verbatim
    public void AbsentQuotesAreNull(string exact)
    {
        Assert.Null(TextAnchors.Find(Text, exact, null, null, null));
    }

    [Fact]
    public void NeverMatchesHalfAnEmoji()
    {
        // "\uDE00" alone is the low half of 😀; a quote that is half a pair is not a passage of the text.
        Assert.Null(TextAnchors.Find("smile 😀 now", "\uDE00 now", null, null, null));
    }
}
