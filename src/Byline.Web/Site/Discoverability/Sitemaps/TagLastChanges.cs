using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Site.Discoverability.Sitemaps;

/// <summary>
/// Every tag of a published story with the last change among its stories, grouped by the database. Tags are a JSON
/// array on SQLite and an array column on PostgreSQL; EF Core cannot unnest the JSON on SQLite (it would need APPLY,
/// which SQLite lacks), so SQLite gets the statement by hand: json_each in FROM is SQLite's own lateral join.
/// </summary>
public static class TagLastChanges
{
    public sealed record Tag(string Name, DateTimeOffset? LastModified);

    public static async Task<List<Tag>> LoadAsync(BylineDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.IsSqlite)
        {
            return await db.Articles.AsNoTracking().Published()
                .SelectMany(a => a.Tags, (a, tag) => new { Tag = tag, LastModified = a.UpdatedAt ?? a.PublishedAt })
                .GroupBy(x => x.Tag)
                .Select(g => new Tag(g.Key, g.Max(x => x.LastModified)))
                .ToListAsync(cancellationToken);
        }
        var published = nameof(ArticleState.Published);
        // Times are stored as UTC ticks on SQLite (see BylineDbContext).
        var rows = await db.Database.SqlQuery<SqliteTagRow>($"""
            SELECT j.value AS "Name", MAX(COALESCE(a."UpdatedAt", a."PublishedAt")) AS "Ticks"
            FROM "Articles" AS a, json_each(a."Tags") AS j
            WHERE a."State" = {published}
            GROUP BY j.value
            """).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Tag(r.Name, r.Ticks is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null))];
    }

    private sealed class SqliteTagRow
    {
        public required string Name { get; init; }
        public long? Ticks { get; init; }
    }
}
