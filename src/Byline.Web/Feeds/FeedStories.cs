using Byline.Data;
using Byline.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Feeds;

/// <summary>
/// The stories of a feed, newest first, in two steps: their stamps (ids and versions, enough to answer a conditional
/// GET with one small query), then, only when the feed must be written, their content (two queries for any number).
/// </summary>
public static class FeedStories
{
    public const int Count = 30;

    /// <summary>What changes whenever anything a feed shows of the story changes (<c>Article.Version</c> is bumped by every such change).</summary>
    public sealed record Stamp(int Id, long Version, DateTimeOffset PublishedAt, DateTimeOffset? UpdatedAt)
    {
        public DateTimeOffset LastChange => UpdatedAt is { } updated && updated > PublishedAt ? updated : PublishedAt;
    }

    public static Task<List<Stamp>> StampsAsync(BylineDbContext db, FeedScope scope, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().Published().Where(scope.Filter)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(Count)
            .Select(a => new Stamp(a.Id, a.Version, a.PublishedAt!.Value, a.UpdatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>The stamped stories' content, in the stamps' order; one that stopped being public meanwhile is left out.</summary>
    public static async Task<List<FeedEntry>> EntriesAsync(BylineDbContext db, IReadOnlyList<Stamp> stamps, CancellationToken cancellationToken)
    {
        var ids = stamps.Select(s => s.Id).ToList();
        var rows = await db.Articles.AsNoTracking().Published()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id, a.Slug, a.Headline, a.Standfirst, a.BodyHtml, a.Language, a.Tags, a.PublishedAt, a.UpdatedAt,
                SectionSlug = a.Section.Slug, SectionName = a.Section.Name,
                Writers = a.Bylines.OrderBy(b => b.Position).Select(b => new { b.Writer.Slug, b.Writer.DisplayName }).ToList(),
            })
            .ToListAsync(cancellationToken);
        // A separate query: joined with the bylines, every correction would repeat each story's body.
        var corrections = (await db.ArticleCorrections.AsNoTracking()
                .Where(c => ids.Contains(c.ArticleId))
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .Select(c => new { c.ArticleId, c.Kind, c.Text, c.CreatedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ArticleId, c => new FeedEntry.Correction(c.Kind, c.Text, c.CreatedAt));
        var byId = rows.ToDictionary(r => r.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id =>
        {
            var r = byId[id];
            return new FeedEntry(
                r.Id,
                ArticlePaths.Story(r.SectionSlug, r.Slug),
                r.Headline,
                r.Standfirst,
                r.BodyHtml,
                r.Language,
                r.SectionName,
                r.Tags,
                [.. r.Writers.Select(w => new FeedEntry.Author(w.DisplayName, ArticlePaths.Writer(w.Slug)))],
                [.. corrections[id]],
                r.PublishedAt!.Value,
                r.UpdatedAt);
        })];
    }
}
