using System.Globalization;
using Byline.Web.Data;

namespace Byline.Web.Newsroom;

/// <summary>
/// The newsroom's clock: instants are UTC, but people type and read times in the site's time zone (a publish-at
/// time from a <c>datetime-local</c> field, which carries no zone).
/// </summary>
public sealed class SiteTime(TimeProvider time, SiteSettingsStore settings)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public async ValueTask<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken) => (await settings.GetAsync(cancellationToken)).Zone;

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>
    /// A time as typed: an ISO 8601 instant with an offset (from programs) or a local date and time in the site's zone
    /// (from the form). Null with a message when it is neither, or names a local time the zone skips.
    /// </summary>
    public static (DateTimeOffset? Instant, string? Error) Parse(string? text, TimeZoneInfo zone)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return (null, "Choose the date and time to publish at.");
        }
        if (DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (zone.IsInvalidTime(local))
            {
                return (null, $"{value} does not exist in the {zone.Id} time zone (the clocks skip it). Choose another time.");
            }
            return (new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero), null);
        }
        if (value.Length > 10 && value[10] == 'T'
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant)
            && (value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > 10))
        {
            return (instant, null);
        }
        return (null, $"“{value}” is not a date and time such as 2026-11-27T14:30.");
    }

    /// <summary>The value a <c>datetime-local</c> field shows for an instant, in the site's zone.</summary>
    public static string ToLocalInput(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
