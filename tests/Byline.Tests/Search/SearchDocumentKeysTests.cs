using Byline.Web.Search;

namespace Byline.Tests.Search;

public sealed class SearchDocumentKeysTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void KeysFollowTheMinuteWhateverTheIds()
    {
        var keys = new[]
        {
            SearchDocumentKeys.Comment(Noon.AddMinutes(-1).AddSeconds(59), int.MaxValue + 5L),
            SearchDocumentKeys.Comment(Noon, 7),
            SearchDocumentKeys.Comment(Noon.AddSeconds(59), 8),
            SearchDocumentKeys.Story(Noon, 3),
            SearchDocumentKeys.Comment(Noon.AddMinutes(1), 1),
            SearchDocumentKeys.Story(new DateTimeOffset(2026, 11, 29, 13, 0, 0, TimeSpan.FromHours(1)).AddMinutes(2), 1),
        };
        Assert.Equal(keys.Order(), keys);
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void MinuteBoundsAreExactAndTheWholeCalendarFits()
    {
        Assert.True(SearchDocumentKeys.Comment(Noon, 1) >= SearchDocumentKeys.MinuteStart(Noon));
        Assert.True(SearchDocumentKeys.Story(Noon.AddTicks(-1), int.MaxValue) < SearchDocumentKeys.MinuteStart(Noon));
        Assert.True(SearchDocumentKeys.Comment(DateTimeOffset.MinValue, 1) > 0);
        Assert.True(SearchDocumentKeys.Story(DateTimeOffset.MaxValue, int.MaxValue) > SearchDocumentKeys.Story(new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), 1));
    }
}
