using System.Globalization;

namespace Byline.Web.Admin;

/// <summary>
/// A keyset position in the newest-first list of accounts: creation instant and account id (a string, so
/// <see cref="Data.KeysetCursor"/> does not fit). Text form "{utcTicks}.{id}", opaque to the page's links.
/// </summary>
public readonly record struct UserCursor(DateTimeOffset CreatedAt, string Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.UtcTicks}.{Id}");

    public static bool TryParse(string? text, out UserCursor cursor)
    {
        cursor = default;
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (text is null || dot <= 0 || dot == text.Length - 1 || text.Length > 200
            || !long.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }
        cursor = new UserCursor(new DateTimeOffset(ticks, TimeSpan.Zero), text[(dot + 1)..]);
        return true;
    }
}
