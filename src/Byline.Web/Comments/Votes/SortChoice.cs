using Byline.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments.Votes;

/// <summary>
/// Which order a page of the discussion is shown in: an explicit ?sort= wins (and a signed-in reader's choice is
/// remembered in <c>BylineUser.DiscussionSort</c>), then the order a cursor was made for (a "More comments" link), then
/// the reader's remembered choice, then the site's default. Guests' choice is remembered by the page's script.
/// </summary>
public static class SortChoice
{
    public readonly record struct Choice(ThreadSort Sort, ThreadCursor? Cursor, bool Invalid);

    /// <summary>For programs: no remembered choice, and an unknown sort or a cursor of another order is an error.</summary>
    public static Choice ForApi(string? sort, string? after)
    {
        ThreadSort? chosen = null;
        if (sort is not null)
        {
            if (!ThreadSorts.TryParse(sort, out var parsed))
            {
                return new Choice(ThreadSorts.Default, null, Invalid: true);
            }
            chosen = parsed;
        }
        return Resolve(chosen, after, ThreadSorts.Default);
    }

    /// <summary>For pages: an unknown ?sort= is ignored (as the page cache key ignores it), a bad cursor is an error.</summary>
    public static async Task<Choice> ForPageAsync(
        BylineDbContext db, string? userId, string? sort, string? after, CancellationToken cancellationToken)
    {
        ThreadSort? chosen = ThreadSorts.TryParse(sort, out var parsed) ? parsed : null;
        var saved = ThreadSorts.Default;
        if (userId is not null)
        {
            var stored = await db.Users.Where(u => u.Id == userId).Select(u => u.DiscussionSort).FirstOrDefaultAsync(cancellationToken);
            if (chosen is { } choice)
            {
                if (stored != ThreadSorts.Name(choice))
                {
                    var name = ThreadSorts.Name(choice);
                    await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.DiscussionSort, name), cancellationToken);
                }
            }
            else if (ThreadSorts.TryParse(stored, out var remembered))
            {
                saved = remembered;
            }
        }
        return Resolve(chosen, after, saved);
    }

    private static Choice Resolve(ThreadSort? chosen, string? after, ThreadSort fallback)
    {
        if (after is null)
        {
            return new Choice(chosen ?? fallback, null, false);
        }
        if (!ThreadCursor.TryParse(after, out var cursor) || (chosen is { } c && c != cursor.Sort))
        {
            return new Choice(chosen ?? fallback, null, Invalid: true);
        }
        return new Choice(cursor.Sort, cursor, false);
    }
}
