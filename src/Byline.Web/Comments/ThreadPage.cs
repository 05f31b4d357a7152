using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Comments.Votes;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments;

/// <summary>
/// One page of a story's discussion: top-level threads in the chosen order (<see cref="ThreadSort"/>), each with all its
/// replies in conversation order; on the first page of the newest order, editors' picks come first (<see cref="Picks"/>).
/// Only approved comments are shown; one that is not (deleted by its author, removed, held) but has approved replies
/// keeps its place as an empty placeholder, so the replies still read as answers. Its text never leaves this class.
/// </summary>
/// <param name="Badges">Staff authors on the page: user id → what their badge says.</param>
public sealed record ThreadPage(IReadOnlyList<CommentThreads.Node<Comment>> Threads, ThreadCursor? Next, IReadOnlyDictionary<string, string> Badges)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public ThreadSort Sort { get; init; } = ThreadSorts.Default;

    /// <summary>Featured threads shown above the newest ones, on the first page of that order only.</summary>
    public IReadOnlyList<CommentThreads.Node<Comment>> Picks { get; init; } = [];

    /// <summary>The newest order, as before sorting existed.</summary>
    public static Task<ThreadPage> LoadAsync(
        BylineDbContext db, int articleId, KeysetCursor? after, int size, CancellationToken cancellationToken) =>
        LoadAsync(db, articleId, ThreadSort.Newest, after is { } a ? new ThreadCursor(ThreadSort.Newest, a.At, a.Id) : null, size, default, cancellationToken);

    /// <summary>Three queries whatever the size of the threads: the picks (first newest page), the roots (keyset), their replies.</summary>
    /// <param name="now">When this page is read: where a first page of the top order starts counting vote changes from.</param>
    public static async Task<ThreadPage> LoadAsync(
        BylineDbContext db, int articleId, ThreadSort sort, ThreadCursor? after, int size, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (after is { } given && given.Sort != sort)
        {
            throw new ArgumentException($"A {given.Sort} cursor cannot page the {sort} order.", nameof(after));
        }
        var picks = sort == ThreadSort.Newest && after is null
            ? await ThreadOrder.Picks(VisibleRoots(db, articleId).Include(c => c.Anchor)).ToListAsync(cancellationToken)
            : [];
        var page = await ThreadOrder.After(VisibleRoots(db, articleId).Include(c => c.Anchor), db, sort, after)
            .Take(size + 1)
            .ToListAsync(cancellationToken);

        var hasMore = page.Count > size;
        if (hasMore)
        {
            page.RemoveAt(page.Count - 1);
        }

        var rootIds = page.Concat(picks).Select(c => c.Id).ToList();
        var replies = rootIds.Count == 0
            ? []
            : await db.Comments.AsNoTracking()
                .Where(c => c.RootId != null && rootIds.Contains(c.RootId.Value))
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .ToListAsync(cancellationToken);

        var all = Prune(CommentThreads.Build(picks.Concat(page), replies, c => c.Id, c => c.ParentId));
        var pickIds = picks.Select(c => c.Id).ToHashSet();
        var threads = all.Where(t => !pickIds.Contains(t.Item.Id)).ToList();
        var since = after?.Since is { } s && s != default ? s : now;
        var next = hasMore ? ThreadOrder.CursorAfter(page[^1], sort, since) : (ThreadCursor?)null;
        return new ThreadPage(threads, next, await StaffBadges.ForAsync(db, all, cancellationToken))
        {
            Sort = sort,
            Picks = all.Where(t => pickIds.Contains(t.Item.Id)).ToList(),
        };
    }

    /// <summary>Top-level comments a reader sees: approved ones, and placeholders for others that have an approved reply.</summary>
    private static IQueryable<Comment> VisibleRoots(BylineDbContext db, int articleId) =>
        db.Comments.AsNoTracking().Where(c => c.ArticleId == articleId && c.RootId == null
            && (c.Status == CommentStatus.Approved || db.Comments.Any(r => r.RootId == c.Id && r.Status == CommentStatus.Approved)));

    /// <summary>Drops what readers may not see; a hidden comment with visible replies becomes an empty placeholder.</summary>
    private static List<CommentThreads.Node<Comment>> Prune(IEnumerable<CommentThreads.Node<Comment>> nodes)
    {
        var kept = new List<CommentThreads.Node<Comment>>();
        foreach (var node in nodes)
        {
            var replies = Prune(node.Replies);
            if (node.Item.Status != CommentStatus.Approved && replies.Count == 0)
            {
                continue;
            }
            var shown = new CommentThreads.Node<Comment>(node.Item.Status == CommentStatus.Approved ? node.Item : Placeholder(node.Item));
            shown.Replies.AddRange(replies);
            kept.Add(shown);
        }
        return kept;
    }

    private static Comment Placeholder(Comment hidden) => new()
    {
        Id = hidden.Id,
        ArticleId = hidden.ArticleId,
        ParentId = hidden.ParentId,
        RootId = hidden.RootId,
        Depth = hidden.Depth,
        AuthorName = "",
        BodyMarkdown = "",
        BodyHtml = "",
        CreatedAt = hidden.CreatedAt,
        Status = hidden.Status == CommentStatus.Deleted ? CommentStatus.Deleted : CommentStatus.Rejected,
    };

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

    /// <summary>
    /// Where a comment can be seen in the newest order: the first page if its thread is a pick or among the newest, else a
    /// page starting at its thread.
    /// </summary>
    public static async Task<KeysetCursor?> PageStartFor(BylineDbContext db, Comment comment, CancellationToken cancellationToken)
    {
        var root = comment.RootId is { } rootId
            ? await db.Comments.AsNoTracking().Where(c => c.Id == rootId)
                .Select(c => new { c.Id, c.CreatedAt, Pick = c.FeaturedAt != null && c.Status == CommentStatus.Approved }).FirstAsync(cancellationToken)
            : new { comment.Id, comment.CreatedAt, Pick = comment.FeaturedAt != null && comment.Status == CommentStatus.Approved };
        if (root.Pick)
        {
            return null;
        }
        var newer = await ThreadOrder.After(VisibleRoots(db, comment.ArticleId), db, ThreadSort.Newest, null)
            .Where(c => c.CreatedAt > root.CreatedAt || (c.CreatedAt == root.CreatedAt && c.Id > root.Id))
            .Take(DefaultSize)
            .CountAsync(cancellationToken);
        return newer < DefaultSize ? null : KeysetCursor.Before(root.CreatedAt, root.Id);
    }
}
