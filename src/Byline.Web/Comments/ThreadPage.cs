using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments;

/// <summary>One page of a story's discussion: top-level threads newest first, each with all its replies in conversation order.</summary>
public sealed record ThreadPage(IReadOnlyList<CommentThreads.Node<Comment>> Threads, KeysetCursor? Next)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    /// <summary>Two queries whatever the size of the threads: one for the roots (keyset), one for their replies.</summary>
    public static async Task<ThreadPage> LoadAsync(
        BylineDbContext db, int articleId, KeysetCursor? after, int size, CancellationToken cancellationToken)
    {
        var roots = db.Comments.AsNoTracking().Include(c => c.Anchor)
            .Where(c => c.ArticleId == articleId && c.RootId == null && c.Status == CommentStatus.Approved);
        if (after is { } a)
        {
            roots = roots.Where(c => c.CreatedAt < a.At || (c.CreatedAt == a.At && c.Id < a.Id));
        }
        var page = await roots
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(size + 1)
            .ToListAsync(cancellationToken);

        var hasMore = page.Count > size;
        if (hasMore)
        {
            page.RemoveAt(page.Count - 1);
        }

        var rootIds = page.ConvertAll(c => c.Id);
        var replies = rootIds.Count == 0
            ? []
            : await db.Comments.AsNoTracking()
                .Where(c => c.RootId != null && rootIds.Contains(c.RootId.Value) && c.Status == CommentStatus.Approved)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .ToListAsync(cancellationToken);

        var threads = CommentThreads.Build(page, replies, c => c.Id, c => c.ParentId);
        var next = hasMore ? new KeysetCursor(page[^1].CreatedAt, page[^1].Id) : (KeysetCursor?)null;
        return new ThreadPage(threads, next);
    }

    /// <summary>The URL that shows a comment: the story page if its thread is on the first page, else the discussion page starting at its thread.</summary>
    public static async Task<string> LocationOfAsync(
        BylineDbContext db, Comment comment, string sectionSlug, string articleSlug, CancellationToken cancellationToken)
    {
        var start = await PageStartFor(db, comment, cancellationToken);
        var anchor = "#" + Articles.ArticlePaths.CommentAnchor(comment.Id);
        return start is null
            ? Articles.ArticlePaths.Story(sectionSlug, articleSlug) + anchor
            : $"{Articles.ArticlePaths.Discussion(sectionSlug, articleSlug)}?after={start}{anchor}";
    }

    /// <summary>Where a comment can be seen: the first page if its thread is among the newest, else a page starting at its thread.</summary>
    public static async Task<KeysetCursor?> PageStartFor(BylineDbContext db, Comment comment, CancellationToken cancellationToken)
    {
        var root = comment.RootId is { } rootId
            ? await db.Comments.AsNoTracking().Where(c => c.Id == rootId).Select(c => new { c.Id, c.CreatedAt }).FirstAsync(cancellationToken)
            : new { comment.Id, comment.CreatedAt };
        var newer = await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == comment.ArticleId && c.RootId == null && c.Status == CommentStatus.Approved)
            .Where(c => c.CreatedAt > root.CreatedAt || (c.CreatedAt == root.CreatedAt && c.Id > root.Id))
            .Take(DefaultSize)
            .CountAsync(cancellationToken);
        return newer < DefaultSize ? null : KeysetCursor.Before(root.CreatedAt, root.Id);
    }
}
