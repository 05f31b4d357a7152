using System.Globalization;

namespace Byline.Web.Articles;

/// <summary>Dates as a newsroom prints them: "Mar. 24, 2021", "May 3, 2021", "2:05 p.m.".</summary>
public static class NewsDate
{
    private static readonly string[] ShortMonths =
        ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."];

    public static string Date(DateTimeOffset instant, TimeZoneInfo zone) => Date(TimeZoneInfo.ConvertTime(instant, zone).Date);

    public static string Date(DateTime localDate) =>
        string.Create(CultureInfo.InvariantCulture, $"{ShortMonths[localDate.Month - 1]} {localDate.Day}, {localDate.Year}");

    /// <summary>"Nov. 27, 2026, 2:05 p.m." in the site's zone.</summary>
    public static string DateAndTime(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var meridiem = local.Hour < 12 ? "a.m." : "p.m.";
        return string.Create(CultureInfo.InvariantCulture, $"{Date(local.DateTime)}, {hour}:{local.Minute:00} {meridiem}");
    }

    /// <summary>The machine-readable form for &lt;time datetime&gt;: ISO 8601 with the offset of the site's zone.</summary>
    public static string Iso(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Falls back to UTC for an unknown zone id, so a typo in settings never takes the site down.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
