using Byline.Data;

namespace Byline.Web.Search;

/// <summary>One writer credited on a story, in credited order.</summary>
public sealed record StoryByline(int ArticleId, int WriterId, string Name, string Slug)
{
    /// <summary>
    /// The bylines of these stories, in a query of their own: a story with its bylines as a collection makes EF Core
    /// join the story to a subquery of every byline and its writer, which SQLite builds in full (all 65,000 bylines of
    /// a 50,000-story site) for every query.
    /// </summary>
    public static IQueryable<StoryByline> Of(BylineDbContext db, IReadOnlyCollection<int> articleIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Articles.Where(a => articleIds.Contains(a.Id)).SelectMany(a => a.Bylines)
            .OrderBy(b => b.ArticleId).ThenBy(b => b.Position)
            .Select(b => new StoryByline(b.ArticleId, b.WriterId, b.Writer.DisplayName, b.Writer.Slug));
    }
}
