namespace Byline.Core.Tests;

public class TouchedTests
{
    public static TheoryData<string, string, string, bool> Cases => new()
    {
        { "nothing changed", "A [[quick brown]] fox.", "A quick brown fox.", false },
        { "change before", "A [[quick brown]] fox.", "The quick brown fox.", false },
        { "change after", "A [[quick brown]] fox.", "A quick brown wolf.", false },
        { "insertion exactly at the start stays outside", "A [[quick brown]] fox.", "A very quick brown fox.", false },
        { "insertion exactly at the end stays outside", "A [[quick brown]] fox.", "A quick brown, lean fox.", false },
        { "insertion strictly inside", "A [[quick brown]] fox.", "A quick dark brown fox.", true },
        { "a word inside replaced", "A [[quick brown]] fox.", "A quick grey fox.", true },
        { "the first word replaced", "A [[quick brown]] fox.", "A slow brown fox.", true },
        { "deleted", "A [[quick brown]] fox.", "A fox.", true },
        { "apostrophe made curly", "It [[won't rain]] today.", "It won’t rain today.", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TouchedMeansTheEditChangedCharactersInsideThePassage(string why, string oldMarked, string newText, bool touched)
    {
        var (oldText, start, end) = Marked.Parse(oldMarked);
        var edit = TextEdit.Between(oldText, newText);

        var result = edit.Reanchor(TextAnchors.At(oldText, start, end));

        Assert.True(touched == edit.Touches(start, end), why);
        Assert.True(touched == result.Touched, $"{why}: {result}");
        // Kept and Moved mean the very same words: nothing inside them changed.
        Assert.Equal(result.Outcome is AnchorOutcome.Fuzzy or AnchorOutcome.Orphaned, result.Touched);
    }
}
