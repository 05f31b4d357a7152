using Byline.Data;
using Byline.Data.Comments;

namespace Byline.Web.Comments.Votes;

/// <summary>
/// The keyset query of each sort over a story's top-level comments. "Stable" paging means: across the pages of one
/// reading, no thread is shown twice, and none is skipped that existed before paging began and kept its key since.
/// Newest and oldest key on (CreatedAt, Id), which never change. Featured keys on (FeaturedAt, Id): unfeaturing takes a
/// thread out, featuring again gives it a later key than any page already passed. Top keys on (Score, CreatedAt, Id),
/// which votes change: the cursor carries when paging began, and later pages leave out threads voted on since then
/// (a vote, a change and a withdrawal all stamp the vote row), so a thread that moved is never met a second time;
/// threads that kept their score are exactly where the keyset expects them. The (ArticleId, RootId, Score, CreatedAt, Id)
/// index serves the top order; votes are found by their primary key (CommentId, UserId).
/// </summary>
/// <remarks>
/// Known limit: editors' picks sit above the newest threads on the first page and are left out of the newest list; a
/// thread unfeatured while a reader pages can therefore appear again further down (featuring leaves no trace once undone).
/// </remarks>
public static class ThreadOrder
{
    /// <summary>The most picks shown above the newest threads; the Featured tab lists them all.</summary>
    public const int MaxPicks = 10;

    public static IQueryable<Comment> Picks(IQueryable<Comment> roots) =>
        roots.Where(c => c.FeaturedAt != null && c.Status == CommentStatus.Approved)
            .OrderByDescending(c => c.FeaturedAt).ThenByDescending(c => c.Id)
            .Take(MaxPicks);

    public static IQueryable<Comment> After(IQueryable<Comment> roots, BylineDbContext db, ThreadSort sort, ThreadCursor? after)
    {
        switch (sort)
        {
            case ThreadSort.Oldest:
                if (after is { } o)
                {
                    roots = roots.Where(c => c.CreatedAt > o.At || (c.CreatedAt == o.At && c.Id > o.Id));
                }
                return roots.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id);

            case ThreadSort.Top:
                if (after is { } t)
                {
                    roots = roots.Where(c => c.Score < t.Score
                            || (c.Score == t.Score && (c.CreatedAt < t.At || (c.CreatedAt == t.At && c.Id < t.Id))))
                        .Where(c => !db.CommentVotes.Any(v => v.CommentId == c.Id && v.At >= t.Since));
                }
                return roots.OrderByDescending(c => c.Score).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);

            case ThreadSort.Featured:
                roots = roots.Where(c => c.FeaturedAt != null && c.Status == CommentStatus.Approved);
                if (after is { } f)
                {
                    roots = roots.Where(c => c.FeaturedAt < f.At || (c.FeaturedAt == f.At && c.Id < f.Id));
                }
                return roots.OrderByDescending(c => c.FeaturedAt).ThenByDescending(c => c.Id);

            default:
                // The picks are shown above, once.
                roots = roots.Where(c => !(c.FeaturedAt != null && c.Status == CommentStatus.Approved));
                if (after is { } n)
                {
                    roots = roots.Where(c => c.CreatedAt < n.At || (c.CreatedAt == n.At && c.Id < n.Id));
                }
                return roots.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
        }
    }

    /// <summary>The cursor for the page after one that ended with <paramref name="last"/>.</summary>
    /// <param name="since">When paging began: the first page's time, or what its cursor carried.</param>
    public static ThreadCursor CursorAfter(Comment last, ThreadSort sort, DateTimeOffset since) => sort switch
    {
        ThreadSort.Featured => new ThreadCursor(sort, last.FeaturedAt ?? last.CreatedAt, last.Id),
        ThreadSort.Top => new ThreadCursor(sort, last.CreatedAt, last.Id, last.Score, since),
        _ => new ThreadCursor(sort, last.CreatedAt, last.Id),
    };
}
