namespace Byline.Core.Tests;

public class BitParallelPatternTests
{
    // The textbook O(nm) table, as the oracle: global distance, or the least distance of a substring ending at j.
    private static int[] Oracle(string pattern, string text, bool anywhere)
    {
        var previous = new int[text.Length + 1];
        var current = new int[text.Length + 1];
        for (var j = 0; j <= text.Length; j++)
            previous[j] = anywhere ? 0 : j;
        for (var i = 1; i <= pattern.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= text.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (pattern[i - 1] == text[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous;
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(63, 80)]
    [InlineData(64, 90)]
    [InlineData(65, 90)]
    [InlineData(130, 200)]
    [InlineData(700, 900)]
    public void AgreesWithTheDynamicProgrammingTable(int patternLength, int textLength)
    {
        var random = new Random(patternLength * 31 + textLength);
        const string alphabet = "abcde 市长🎉";
        for (var round = 0; round < 5; round++)
        {
            var pattern = new string([.. Enumerable.Range(0, patternLength).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            // Text that contains a mutated copy of the pattern, so small distances occur, not only random ones.
            var mutated = new string([.. pattern.Select(c => random.Next(10) == 0 ? alphabet[random.Next(alphabet.Length)] : c)]);
            var filler = new string([.. Enumerable.Range(0, Math.Max(0, textLength - mutated.Length)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var text = filler[..(filler.Length / 2)] + mutated + filler[(filler.Length / 2)..];
            var matcher = new BitParallelPattern(pattern);

            Assert.Equal(Oracle(pattern, text, anywhere: false)[^1], matcher.Distance(text));
            var ends = new int[text.Length + 1];
            matcher.SearchEnds(text, ends);
            Assert.Equal(Oracle(pattern, text, anywhere: true), ends);
        }
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("won't", "won’t", 1)]
    public void KnownDistances(string pattern, string text, int distance)
    {
        Assert.Equal(distance, new BitParallelPattern(pattern).Distance(text));
    }
}
