using Byline.Data;
using Byline.Data.Comments;
using Byline.Data.Live;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments.Live;

/// <summary>
/// One change of a discussion as an open story page receives it. It carries no text: the page fetches the comment's
/// HTML (<c>/comments/{id}/fragment</c>, from the page cache), so what it shows is exactly what the server renders.
/// </summary>
/// <param name="Id">The event's id, also its SSE id: the point a reconnecting page resumes from.</param>
/// <param name="Kind">"added", "changed" or "removed".</param>
/// <param name="Status">The comment's state now, as readers may know it: "approved", "deleted" or "removed".</param>
/// <param name="Comments">The story's count of visible comments now (the discussion header).</param>
/// <param name="InlineFeedbacks">The story's count of visible inline feedback now.</param>
public sealed record LiveEvent(long Id, string Kind, long CommentId, long? ParentId, bool Feedback, string Status, int Comments, int InlineFeedbacks)
{
    /// <summary>A story's events after <paramref name="after"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public static async Task<List<LiveEvent>> LoadAsync(BylineDbContext db, int articleId, long after, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.DiscussionEvents.AsNoTracking()
            .Where(e => e.ArticleId == articleId && e.Id > after)
            .OrderBy(e => e.Id)
            .Take(limit)
            .Join(db.Comments, e => e.CommentId, c => c.Id, (e, c) => new
            {
                e.Id,
                e.Kind,
                e.CommentId,
                c.ParentId,
                Feedback = c.Anchor != null,
                c.Status,
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }
        var counts = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
            .Select(a => new { a.CommentCount, a.InlineFeedbackCount }).FirstAsync(cancellationToken);
        return rows.ConvertAll(r => new LiveEvent(r.Id, KindName(r.Kind), r.CommentId, r.ParentId, r.Feedback,
            r.Status switch
            {
                CommentStatus.Approved => "approved",
                CommentStatus.Deleted => "deleted",
                // Held, rejected, spam: which of them is for the author and the moderators.
                _ => "removed",
            },
            counts.CommentCount, counts.InlineFeedbackCount));
    }

    /// <summary>The newest event of a story (0 when it has none): where a page that has seen everything starts.</summary>
    public static Task<long> LatestAsync(BylineDbContext db, int articleId, CancellationToken cancellationToken) =>
        db.DiscussionEvents.Where(e => e.ArticleId == articleId).OrderByDescending(e => e.Id).Select(e => e.Id).FirstOrDefaultAsync(cancellationToken);

    private static string KindName(DiscussionEventKind kind) => kind switch
    {
        DiscussionEventKind.Added => "added",
        DiscussionEventKind.Changed => "changed",
        _ => "removed",
    };
}
