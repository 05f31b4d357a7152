using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Accounts;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Newsroom;

/// <summary>
/// The newsroom's list of stories: those this person may see (<see cref="StoryAccess.Visible"/>), filtered and
/// searched, most recently edited first, keyset-paged on (last edit, id).
/// </summary>
public static class StoryList
{
    public const int PageSize = 25;

    public enum Filter
    {
        All,
        Mine,
        Drafts,
        InReview,
        Scheduled,
        Published,
        Unpublished,
    }

    public sealed record Item(
        int Id,
        string Headline,
        ArticleState State,
        ArticleType Type,
        string SectionName,
        IReadOnlyList<string> Writers,
        DateTimeOffset EditedAt,
        DateTimeOffset? PublishAt);

    /// <summary>The filter a query string names ("in-review", "mine"…); All for anything else.</summary>
    public static Filter Parse(string? show) => show switch
    {
        "mine" => Filter.Mine,
        "drafts" => Filter.Drafts,
        "in-review" => Filter.InReview,
        "scheduled" => Filter.Scheduled,
        "published" => Filter.Published,
        "unpublished" => Filter.Unpublished,
        _ => Filter.All,
    };

    public static string? Name(Filter filter) => filter switch
    {
        Filter.All => null,
        Filter.InReview => "in-review",
        _ => filter.ToString().ToLowerInvariant(),
    };

    public static async Task<(IReadOnlyList<Item> Items, string? Next)> LoadAsync(
        BylineDbContext db, CurrentUser user, Filter filter, string? search, string? after, CancellationToken cancellationToken)
    {
        var stories = StoryAccess.Visible(db.Articles.AsNoTracking(), user);
        stories = filter switch
        {
            Filter.Mine => StoryAccess.Mine(stories, user),
            Filter.Drafts => stories.Where(a => a.State == ArticleState.Draft),
            Filter.InReview => stories.Where(a => a.State == ArticleState.InReview),
            Filter.Scheduled => stories.Where(a => a.State == ArticleState.Scheduled),
            Filter.Published => stories.Where(a => a.State == ArticleState.Published),
            Filter.Unpublished => stories.Where(a => a.State == ArticleState.Unpublished),
            _ => stories,
        };
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Lowercased on both sides: SQLite's LIKE and PostgreSQL's differ on case, lower() then Contains does not.
            var term = search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF translates this to SQL lower() and a substring test; it never runs in .NET.
            stories = stories.Where(a => a.Headline.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        // The last edit is the newest revision (every save writes one); a story without any shows its creation.
        var rows = stories.Select(a => new
        {
            a.Id,
            a.Headline,
            a.State,
            a.Type,
            SectionName = a.Section.Name,
            Writers = a.Bylines.OrderBy(b => b.Position).Select(b => b.Writer.DisplayName).ToList(),
            EditedAt = db.ArticleRevisions.Where(r => r.ArticleId == a.Id && r.Number == a.Revision).Select(r => (DateTimeOffset?)r.CreatedAt).FirstOrDefault() ?? a.CreatedAt,
            a.PublishAt,
        });
        if (KeysetCursor.TryParse(after, out var cursor))
        {
            rows = rows.Where(r => r.EditedAt < cursor.At || (r.EditedAt == cursor.At && r.Id < cursor.Id));
        }
        var page = await rows.OrderByDescending(r => r.EditedAt).ThenByDescending(r => r.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var items = page.Take(PageSize)
            .Select(r => new Item(r.Id, r.Headline, r.State, r.Type, r.SectionName, r.Writers, r.EditedAt, r.PublishAt))
            .ToList();
        var next = page.Count > PageSize ? new KeysetCursor(items[^1].EditedAt, items[^1].Id).ToString() : null;
        return (items, next);
    }
}
