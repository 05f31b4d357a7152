using Byline.Data.Articles;
using Byline.Web.Data;
using Byline.Web.Articles;

namespace Byline.Web.Site;

/// <summary>A story as lists show it (fronts, sections, writer pages).</summary>
public sealed record StorySummary(
    int Id,
    string Path,
    string Headline,
    string? Standfirst,
    string SectionName,
    string SectionPath,
    IReadOnlyList<(string Name, string Path)> Writers,
    DateTimeOffset PublishedAt,
    int CommentCount)
{
    /// <summary>Newest first, keyset-paged on (PublishedAt, Id); one query with the bylines.</summary>
    public static async Task<(IReadOnlyList<StorySummary> Stories, string? Older)> LoadAsync(
        IQueryable<Article> articles, string? before, int size, CancellationToken cancellationToken)
    {
        if (KeysetCursor.TryParse(before, out var cursor))
        {
            articles = articles.Where(a => a.PublishedAt < cursor.At || (a.PublishedAt == cursor.At && a.Id < cursor.Id));
        }
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            articles
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Take(size + 1)
                .Select(a => new
                {
                    a.Id, a.Slug, a.Headline, a.Standfirst, a.PublishedAt, a.CommentCount,
                    SectionSlug = a.Section.Slug, SectionName = a.Section.Name,
                    Writers = a.Bylines.OrderBy(b => b.Position).Select(b => new { b.Writer.Slug, b.Writer.DisplayName }).ToList(),
                }),
            cancellationToken);
        var more = rows.Count > size;
        var stories = rows.Take(size).Select(r => new StorySummary(
            r.Id,
            ArticlePaths.Story(r.SectionSlug, r.Slug),
            r.Headline,
            r.Standfirst,
            r.SectionName,
            ArticlePaths.Section(r.SectionSlug),
            r.Writers.Select(w => (w.DisplayName, ArticlePaths.Writer(w.Slug))).ToList(),
            r.PublishedAt!.Value,
            r.CommentCount)).ToList();
        var older = more ? new KeysetCursor(stories[^1].PublishedAt, stories[^1].Id).ToString() : null;
        return (stories, older);
    }
}
