using Byline.Data;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Byline.Web.Articles;

/// <summary>
/// The few columns a story page needs on every request: enough to route, to title the page and to find its rendered
/// fragments. It runs on every story view that the shared page cache does not answer, so it is a compiled query:
/// one per model, since a compiled query is bound to the model (SQLite or PostgreSQL) it first ran against.
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
    int InlineFeedbackCount,
    long LatestEvent)
{
    private static readonly ConditionalWeakTable<IModel, Func<BylineDbContext, string, CancellationToken, Task<StoryHead?>>> Queries = [];

    public static Task<StoryHead?> FindAsync(BylineDbContext db, string slug, CancellationToken cancellationToken) =>
        Queries.GetValue(db.Model, _ => EF.CompileAsyncQuery((BylineDbContext context, string s, CancellationToken _) =>
            context.Articles.AsNoTracking()
                .Where(a => a.Slug == s && a.State == Byline.Data.Articles.ArticleState.Published)
                .Select(a => new StoryHead(a.Id, a.Slug, a.Section.Slug, a.Version, a.Headline, a.Standfirst, a.Language,
                    a.CommentsOpen, a.CommentCount, a.InlineFeedbackCount,
                    // Read in the same statement as Version, so a page's live feed resumes exactly after what it shows.
                    context.DiscussionEvents.Where(e => e.ArticleId == a.Id).Max(e => (long?)e.Id) ?? 0))
                .FirstOrDefault()))(db, slug, cancellationToken);

    public string Path => ArticlePaths.Story(SectionSlug, Slug);
}
