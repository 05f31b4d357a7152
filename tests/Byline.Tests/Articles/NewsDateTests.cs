using Byline.Web.Articles;

namespace Byline.Tests.Articles;

public sealed class NewsDateTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData(2021, 3, 24, "Mar. 24, 2021")]
    [InlineData(2021, 5, 3, "May 3, 2021")]
    [InlineData(2021, 1, 1, "Jan. 1, 2021")]
    [InlineData(2021, 6, 30, "Jun. 30, 2021")]
    [InlineData(2021, 9, 9, "Sep. 9, 2021")]
    [InlineData(2026, 12, 31, "Dec. 31, 2026")]
    public void DatesReadLikeANewspaper(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, NewsDate.Date(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal(expected, NewsDate.Date(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));
    }

    [Fact]
    public void DateIsTheDayInTheSiteZoneNotInUtc()
    {
        var lateUtc = new DateTimeOffset(2021, 3, 24, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal("Mar. 24, 2021", NewsDate.Date(lateUtc, TimeZoneInfo.Utc));
        Assert.Equal("Mar. 25, 2021", NewsDate.Date(lateUtc, Tokyo));

        var earlyUtc = new DateTimeOffset(2021, 3, 25, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal("Mar. 24, 2021", NewsDate.Date(earlyUtc, NewYork));
    }

    [Theory]
    [InlineData(0, 5, "12:05 a.m.")]
    [InlineData(9, 30, "9:30 a.m.")]
    [InlineData(11, 59, "11:59 a.m.")]
    [InlineData(12, 0, "12:00 p.m.")]
    [InlineData(14, 5, "2:05 p.m.")]
    [InlineData(23, 59, "11:59 p.m.")]
    public void TimesUseAmAndPm(int hour, int minute, string time)
    {
        var instant = new DateTimeOffset(2026, 11, 27, hour, minute, 0, TimeSpan.Zero);

        Assert.Equal($"Nov. 27, 2026, {time}", NewsDate.DateAndTime(instant, TimeZoneInfo.Utc));
    }

    [Fact]
    public void DateAndTimeAreShownInTheSiteZone()
    {
        var instant = new DateTimeOffset(2026, 11, 27, 20, 15, 0, TimeSpan.Zero);

        Assert.Equal("Nov. 28, 2026, 5:15 a.m.", NewsDate.DateAndTime(instant, Tokyo));
        Assert.Equal("Nov. 27, 2026, 3:15 p.m.", NewsDate.DateAndTime(instant, NewYork));
    }

    [Fact]
    public void IsoFormCarriesTheZoneOffset()
    {
        var instant = new DateTimeOffset(2021, 3, 24, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal("2021-03-24T23:30:00+00:00", NewsDate.Iso(instant, TimeZoneInfo.Utc));
        Assert.Equal("2021-03-25T08:30:00+09:00", NewsDate.Iso(instant, Tokyo));
        Assert.Equal("2021-03-24T19:30:00-04:00", NewsDate.Iso(instant, NewYork));
    }

    [Theory]
    [InlineData("Asia/Tokyo", "Asia/Tokyo")]
    [InlineData("UTC", "UTC")]
    [InlineData("Not/AZone", "UTC")]
    [InlineData("", "UTC")]
    [InlineData(null, "UTC")]
    public void UnknownZoneFallsBackToUtc(string? id, string expected)
    {
        Assert.Equal(expected, NewsDate.Zone(id).Id);
    }
}
