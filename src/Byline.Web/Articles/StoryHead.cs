using Byline.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Articles;

/// <summary>
/// The few columns a story page needs on every request: enough to route, to title the page and to find its rendered
/// fragments. It runs on every story view that the shared page cache does not answer.
/// </summary>
public sealed record StoryHead(
    int Id,
    string Slug,
    string SectionSlug,
    long Version,
    string Headline,
    string? Standfirst,
    string Language,
    bool CommentsOpen,
    int CommentCount,
    int InlineFeedbackCount)
{
    public static Task<StoryHead?> FindAsync(BylineDbContext db, string slug, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Select(a => new StoryHead(a.Id, a.Slug, a.Section.Slug, a.Version, a.Headline, a.Standfirst, a.Language,
                a.CommentsOpen, a.CommentCount, a.InlineFeedbackCount))
            .FirstOrDefaultAsync(cancellationToken);

    public string Path => ArticlePaths.Story(SectionSlug, Slug);
}
