using Byline.Data.Articles;

namespace Byline.Web.Articles;

/// <summary>
/// The one definition of what readers may see. Every public query (pages, API, feeds, posting) starts here, so a
/// draft or an unpublished story answers 404 to readers everywhere.
/// </summary>
public static class PublicArticles
{
    public static IQueryable<Article> Published(this IQueryable<Article> articles) =>
        articles.Where(a => a.State == ArticleState.Published);
}
