using System.Globalization;
using Byline.Web.Data;

namespace Byline.Web.Comments.Votes;

/// <summary>
/// Where the next page of threads starts, for one sort: the last thread's key under that sort. It names its sort, so a
/// cursor is never read against another order. Text forms, opaque to clients:
/// newest "{ticks}-{id}" (the <see cref="KeysetCursor"/> form links have always used), oldest "o.{ticks}.{id}",
/// featured "f.{featuredTicks}.{id}", top "t.{score}.{ticks}.{id}.{sinceTicks}".
/// </summary>
/// <param name="At">The thread's CreatedAt (FeaturedAt for <see cref="ThreadSort.Featured"/>).</param>
/// <param name="Since">
/// Top only: when paging began. A thread whose votes changed since then has a different key than the earlier pages saw,
/// so later pages leave it out rather than risk showing it twice (see <see cref="ThreadOrder"/>).
/// </param>
public readonly record struct ThreadCursor(ThreadSort Sort, DateTimeOffset At, long Id, int Score = 0, DateTimeOffset Since = default)
{
    public override string ToString() => Sort switch
    {
        ThreadSort.Oldest => Invariant($"o.{At.UtcTicks}.{Id}"),
        ThreadSort.Featured => Invariant($"f.{At.UtcTicks}.{Id}"),
        ThreadSort.Top => Invariant($"t.{Score}.{At.UtcTicks}.{Id}.{Since.UtcTicks}"),
        _ => new KeysetCursor(At, Id).ToString(),
    };

    public static bool TryParse(string? text, out ThreadCursor cursor)
    {
        cursor = default;
        if (text is null)
        {
            return false;
        }
        if (KeysetCursor.TryParse(text, out var keyset))
        {
            cursor = new ThreadCursor(ThreadSort.Newest, keyset.At, keyset.Id);
            return true;
        }
        var parts = text.Split('.');
        var sort = parts[0] switch
        {
            "o" when parts.Length == 3 => ThreadSort.Oldest,
            "f" when parts.Length == 3 => ThreadSort.Featured,
            "t" when parts.Length == 5 => ThreadSort.Top,
            _ => (ThreadSort?)null,
        };
        if (sort is null)
        {
            return false;
        }
        var score = 0;
        var at = sort == ThreadSort.Top ? 2 : 1;
        if ((sort == ThreadSort.Top && !int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out score))
            || !TryTicks(parts[at], out var ticks)
            || !long.TryParse(parts[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }
        var since = DateTimeOffset.MinValue;
        if (sort == ThreadSort.Top)
        {
            if (!TryTicks(parts[4], out var sinceTicks))
            {
                return false;
            }
            since = new DateTimeOffset(sinceTicks, TimeSpan.Zero);
        }
        cursor = new ThreadCursor(sort.Value, new DateTimeOffset(ticks, TimeSpan.Zero), id, score, since);
        return true;
    }

    private static bool TryTicks(string text, out long ticks) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
