using Byline.Core.Search;
using Byline.Data;
using Byline.Data.Articles;
using Byline.Data.Comments;
using Byline.Web.Articles;
using Byline.Web.InlineFeedback;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Search;

/// <summary>
/// Runs a search: the engine ranks documents, then one query per kind loads the stories and comments for the page,
/// checking on the source rows that each is still public (the index follows changes through the outbox, moments
/// later; a story unpublished or a comment removed a second ago must not show meanwhile).
/// </summary>
public sealed class SiteSearch(BylineDbContext db, ISearchEngine engine)
{
    public const int PageSize = 20;

    /// <summary>Pages beyond this are not served: nobody reads them, and each costs more to rank.</summary>
    public const int MaxPage = 50;

    public async Task<SearchResults> SearchAsync(SearchRequest request, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ids = await engine.FindAsync(db, request, (page - 1) * PageSize, PageSize + 1, cancellationToken);
        var more = ids.Count > PageSize && page < MaxPage;
        var ranked = ids.Take(PageSize).ToList();
        if (ranked.Count == 0)
        {
            return new SearchResults([], page, false);
        }

        var docs = await db.SearchDocuments.AsNoTracking()
            .Where(d => ranked.Contains(d.Id))
            .Select(d => new { d.Id, d.ArticleId, d.CommentId })
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        var storyIds = docs.Values.Select(d => d.ArticleId).Distinct().ToList();
        var storyHits = docs.Values.Where(d => d.CommentId is null).Select(d => d.ArticleId).ToList();
        // Stories and comments by id, their visibility checked here rather than in SQL: SQLite, without statistics
        // (Byline runs no ANALYZE), takes "State = 'Published'" or "Status = 'Approved'" for the narrower condition
        // and reads the whole state index, every published story or approved comment of the site, for 20 rows.
        var stories = (await db.Articles.AsNoTracking()
            .Where(a => storyIds.Contains(a.Id))
            .Select(a => new
            {
                a.Id, a.State, a.Slug, a.Headline, a.Standfirst, a.Language, a.PublishedAt, a.CreatedAt,
                SectionSlug = a.Section.Slug, SectionName = a.Section.Name,
                // The body only for stories that are results themselves: a comment's snippet comes from the comment.
                Body = storyHits.Contains(a.Id) ? a.BodyHtml : null,
            })
            .ToListAsync(cancellationToken))
            .Where(a => a.State == ArticleState.Published)
            .ToDictionary(a => a.Id);
        var bylines = (await StoryByline.Of(db, stories.Keys).ToListAsync(cancellationToken)).ToLookup(b => b.ArticleId);
        var commentIds = docs.Values.Where(d => d.CommentId is not null).Select(d => d.CommentId!.Value).ToList();
        var comments = (await db.Comments.AsNoTracking()
            .Where(c => commentIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Status, c.AuthorName, c.BodyHtml, c.CreatedAt, c.Language })
            .ToListAsync(cancellationToken))
            .Where(c => c.Status == CommentStatus.Approved)
            .ToDictionary(c => c.Id);

        var hits = new List<SearchHit>(ranked.Count);
        foreach (var id in ranked)
        {
            if (!docs.TryGetValue(id, out var doc) || !stories.TryGetValue(doc.ArticleId, out var story))
            {
                continue;
            }
            var storyPath = ArticlePaths.Story(story.SectionSlug, story.Slug);
            var writers = bylines[story.Id].Select(w => new SearchHit.Byline(w.Name, ArticlePaths.Writer(w.Slug))).ToList();
            if (doc.CommentId is not { } commentId)
            {
                var body = SearchableText.FromHtml(story.Body);
                var snippet = SearchSnippet.Of(body, request.Terms);
                if (snippet.Highlights.Count == 0 && !string.IsNullOrEmpty(story.Standfirst))
                {
                    // Matched by its headline, tags or bylines: the standfirst says more than the first lines.
                    snippet = SearchSnippet.Of(story.Standfirst, request.Terms);
                }
                hits.Add(new SearchHit(SearchKind.Stories, story.Headline, storyPath, storyPath, story.SectionName,
                    ArticlePaths.Section(story.SectionSlug), story.PublishedAt ?? story.CreatedAt, writers, story.Language, snippet));
            }
            else if (comments.TryGetValue(commentId, out var comment))
            {
                hits.Add(new SearchHit(SearchKind.Comments, story.Headline, storyPath, CommentLinks.InDiscussion(commentId), story.SectionName,
                    ArticlePaths.Section(story.SectionSlug), comment.CreatedAt, writers, comment.Language ?? story.Language,
                    SearchSnippet.Of(SearchableText.FromHtml(comment.BodyHtml), request.Terms), commentId, comment.AuthorName));
            }
        }
        return new SearchResults(hits, page, more);
    }
}
