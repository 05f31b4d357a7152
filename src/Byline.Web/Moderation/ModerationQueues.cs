using Byline.Data;
using Byline.Data.Accounts;
using Byline.Data.Comments;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Moderation;

/// <summary>
/// The moderators' queues: held comments, flagged ones, spam, rejected, and recently approved; newest or oldest first,
/// filtered by story and by reason, keyset-paged. A page is a fixed number of queries whatever its size: the comments,
/// their stories, their authors' histories, their flags.
/// </summary>
public static class ModerationQueues
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public enum Name
    {
        Pending,
        Flagged,
        Spam,
        Rejected,
        Approved,
    }

    public sealed record Filter(Name Queue, bool OldestFirst = false, string? Story = null, string? Reason = null, KeysetCursor? After = null, int Size = DefaultSize);

    /// <param name="Edits">The comment's earlier texts, oldest first (empty when it was never edited).</param>
    public sealed record Item(Comment Comment, StoryRef Story, AuthorHistory History, IReadOnlyList<FlagCount> Flags, IReadOnlyList<CommentEdit> Edits);

    public sealed record StoryRef(int Id, string Headline, string Slug, string SectionSlug, string Language);

    /// <summary>What moderators know of an author: comments by state, account age and ban. Guests have no history.</summary>
    public sealed record AuthorHistory(string? UserId, int Approved, int Pending, int Rejected, int Spam, DateTimeOffset? AccountCreated, DateTimeOffset? BannedUntil)
    {
        public static AuthorHistory Guest { get; } = new(null, 0, 0, 0, 0, null, null);
    }

    public sealed record FlagCount(FlagReason Reason, int Count, IReadOnlyList<string> Notes);

    public sealed record Page(IReadOnlyList<Item> Items, KeysetCursor? Next, IReadOnlyDictionary<Name, int> Counts);

    public static bool TryParse(string? name, out Name queue)
    {
        queue = Name.Pending;
        return string.IsNullOrEmpty(name) || (Enum.TryParse(name, ignoreCase: true, out queue) && Enum.IsDefined(queue) && !int.TryParse(name, out _));
    }

    public static string NameOf(Name queue) => queue.ToString().ToLowerInvariant();

    public static IQueryable<Comment> In(IQueryable<Comment> comments, Name queue) => queue switch
    {
        Name.Pending => comments.Where(c => c.Status == CommentStatus.Pending),
        Name.Flagged => comments.Where(c => c.Status == CommentStatus.Approved && c.FlagWeight > 0),
        Name.Spam => comments.Where(c => c.Status == CommentStatus.Spam),
        Name.Rejected => comments.Where(c => c.Status == CommentStatus.Rejected),
        _ => comments.Where(c => c.Status == CommentStatus.Approved),
    };

    public static async Task<Page> LoadAsync(BylineDbContext db, Filter filter, CancellationToken cancellationToken)
    {
        var query = In(db.Comments.AsNoTracking(), filter.Queue);
        if (filter.Story is { } slug)
        {
            query = query.Where(c => db.Articles.Any(a => a.Id == c.ArticleId && a.Slug == slug));
        }
        if (filter.Reason is { } reason)
        {
            query = query.Where(c => c.Reasons.Any(r => r.Code == reason));
        }
        if (filter.After is { } after)
        {
            query = filter.OldestFirst
                ? query.Where(c => c.StatusChangedAt > after.At || (c.StatusChangedAt == after.At && c.Id > after.Id))
                : query.Where(c => c.StatusChangedAt < after.At || (c.StatusChangedAt == after.At && c.Id < after.Id));
        }
        query = filter.OldestFirst
            ? query.OrderBy(c => c.StatusChangedAt).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.StatusChangedAt).ThenByDescending(c => c.Id);
        var comments = await query.Include(c => c.Anchor).Include(c => c.Reasons).AsSplitQuery()
            .Take(filter.Size + 1).ToListAsync(cancellationToken);
        var hasMore = comments.Count > filter.Size;
        if (hasMore)
        {
            comments.RemoveAt(comments.Count - 1);
        }

        var articleIds = comments.Select(c => c.ArticleId).Distinct().ToList();
        var stories = await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id))
            .Select(a => new StoryRef(a.Id, a.Headline, a.Slug, a.Section.Slug, a.Language))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var histories = await HistoriesAsync(db, comments.Where(c => c.AuthorUserId != null).Select(c => c.AuthorUserId!).Distinct().ToList(), cancellationToken);
        var flags = await FlagsAsync(db, comments.Where(c => c.FlagWeight > 0).Select(c => c.Id).ToList(), cancellationToken);
        var edits = await EditHistory.LoadAsync(db, comments.Where(c => c.Revision > 1).Select(c => c.Id).ToList(), cancellationToken);

        var items = comments.ConvertAll(c => new Item(
            c,
            stories[c.ArticleId],
            c.AuthorUserId is { } user && histories.TryGetValue(user, out var history) ? history : AuthorHistory.Guest,
            flags.GetValueOrDefault(c.Id) ?? [],
            edits.GetValueOrDefault(c.Id) ?? []));
        var next = hasMore ? new KeysetCursor(comments[^1].StatusChangedAt, comments[^1].Id) : (KeysetCursor?)null;
        return new Page(items, next, await CountsAsync(db, cancellationToken));
    }

    /// <summary>How many comments wait in the queues that need work.</summary>
    public static async Task<IReadOnlyDictionary<Name, int>> CountsAsync(BylineDbContext db, CancellationToken cancellationToken) => new Dictionary<Name, int>
    {
        [Name.Pending] = await In(db.Comments, Name.Pending).CountAsync(cancellationToken),
        [Name.Flagged] = await In(db.Comments, Name.Flagged).CountAsync(cancellationToken),
    };

    public static async Task<Dictionary<string, AuthorHistory>> HistoriesAsync(BylineDbContext db, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return [];
        }
        var counts = await db.Comments.AsNoTracking().Where(c => c.AuthorUserId != null && userIds.Contains(c.AuthorUserId))
            .GroupBy(c => new { c.AuthorUserId, c.Status })
            .Select(g => new { g.Key.AuthorUserId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.CreatedAt, u.BannedUntil }).ToDictionaryAsync(u => u.Id, cancellationToken);
        return userIds.ToDictionary(id => id, id =>
        {
            int Count(CommentStatus status) => counts.Where(c => c.AuthorUserId == id && c.Status == status).Sum(c => c.Count);
            var user = users.GetValueOrDefault(id);
            return new AuthorHistory(id, Count(CommentStatus.Approved), Count(CommentStatus.Pending), Count(CommentStatus.Rejected), Count(CommentStatus.Spam),
                user?.CreatedAt, user?.BannedUntil);
        });
    }

    private static async Task<Dictionary<long, IReadOnlyList<FlagCount>>> FlagsAsync(BylineDbContext db, List<long> commentIds, CancellationToken cancellationToken)
    {
        if (commentIds.Count == 0)
        {
            return [];
        }
        var flags = await db.CommentFlags.AsNoTracking().Where(f => commentIds.Contains(f.CommentId) && !f.Resolved)
            .Select(f => new { f.CommentId, f.Reason, f.Note }).ToListAsync(cancellationToken);
        return flags.GroupBy(f => f.CommentId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<FlagCount>)g.GroupBy(f => f.Reason)
                .Select(r => new FlagCount(r.Key, r.Count(), r.Where(f => f.Note is not null).Select(f => f.Note!).Take(5).ToList()))
                .OrderByDescending(r => r.Count).ToList());
    }
}
