using System.Globalization;

namespace Byline.Web.Data;

/// <summary>
/// A keyset position in a newest-first list (threads of a discussion, stories of a front): an instant and an id.
/// Text form "{utcTicks}-{id}", opaque to clients.
/// </summary>
public readonly record struct KeysetCursor(DateTimeOffset At, long Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{At.UtcTicks}-{Id}");

    public static bool TryParse(string? text, out KeysetCursor cursor)
    {
        cursor = default;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (text is null || dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }
        cursor = new KeysetCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }

    /// <summary>The position just before an item, so that a page starting here includes it.</summary>
    public static KeysetCursor Before(DateTimeOffset at, long id) => new(at, id + 1);
}
