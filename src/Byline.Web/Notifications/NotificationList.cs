using Byline.Data;
using Byline.Data.Comments;
using Byline.Data.Notifications;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.InlineFeedback;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Notifications;

/// <summary>One account's notices, newest first, keyset-paged by id (ids grow with time); and marking them read.</summary>
public static class NotificationList
{
    public const int DefaultSize = 30;
    public const int MaxSize = 100;

    public sealed record Row(
        long Id, NotificationKind Kind, long CommentId, string AuthorName, string Excerpt, string Headline, string StoryPath,
        DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
    {
        public string Link => CommentLinks.InDiscussion(CommentId);
        public string What => NotificationRules.Describe(Kind);
    }

    public sealed record Page(IReadOnlyList<Row> Rows, long? Next);

    /// <summary>Notices about comments still visible on published stories (a hidden comment's notice is not shown).</summary>
    public static async Task<Page> LoadAsync(BylineDbContext db, string userId, long? before, int size, CancellationToken cancellationToken)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (before is { } id)
        {
            query = query.Where(n => n.Id < id);
        }
        var rows = await (
                from n in query
                join c in db.Comments on n.CommentId equals c.Id
                join a in db.Articles.Published() on n.ArticleId equals a.Id
                where c.Status == CommentStatus.Approved
                orderby n.Id descending
                select new { n.Id, n.Kind, n.CommentId, c.AuthorName, c.BodyMarkdown, a.Headline, a.Slug, SectionSlug = a.Section.Slug, n.CreatedAt, n.ReadAt })
            .Take(size + 1)
            .ToListAsync(cancellationToken);
        var next = rows.Count > size ? rows[size - 1].Id : (long?)null;
        return new Page(rows.Take(size).Select(r => new Row(
            r.Id, r.Kind, r.CommentId, r.AuthorName, NotificationMailText.Excerpt(r.BodyMarkdown), r.Headline,
            ArticlePaths.Story(r.SectionSlug, r.Slug), r.CreatedAt, r.ReadAt)).ToList(), next);
    }

    public static Task<int> UnreadAsync(BylineDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    /// <summary>Marks the given notices (or all, when <paramref name="ids"/> is null) of this account read; others' are untouched.</summary>
    public static async Task<int> MarkReadAsync(
        BylineDbContext db, WriteGate writeGate, string userId, IReadOnlyCollection<long>? ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null);
        if (ids is not null)
        {
            query = query.Where(n => ids.Contains(n.Id));
        }
        using var _ = await writeGate.EnterAsync(db, cancellationToken);
        return await query.ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), cancellationToken);
    }
}
