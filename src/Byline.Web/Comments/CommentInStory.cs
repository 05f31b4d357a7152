using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Articles;

namespace Byline.Web.Comments;

/// <summary>A comment with the published story it belongs to: what every page about one comment needs to link back.</summary>
public sealed record CommentInStory(Comment Comment, string Headline, string Slug, string SectionSlug)
{
    public string StoryPath => ArticlePaths.Story(SectionSlug, Slug);

    /// <summary>The comments of <paramref name="comments"/> whose story is published, each with that story.</summary>
    public static IQueryable<CommentInStory> Published(IQueryable<Comment> comments, BylineDbContext db) =>
        comments.Join(db.Articles.Published(), c => c.ArticleId, a => a.Id, (c, a) => new CommentInStory(c, a.Headline, a.Slug, a.Section.Slug));
}
