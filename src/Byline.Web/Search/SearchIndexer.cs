using Byline.Core.Search;
using Byline.Data;
using Byline.Data.Articles;
using Byline.Data.Comments;
using Byline.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Search;

/// <summary>
/// Brings the <see cref="SearchDocument"/> of a story or a comment in line with its source row: present with current
/// terms while the story is published and the comment approved, absent otherwise. Idempotent, so the outbox may run
/// it again after a crash. The caller holds the write gate and a transaction.
/// </summary>
public static class SearchIndexer
{
    private const int Batch = 500;

    public static async Task IndexStoryAsync(BylineDbContext db, int articleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var story = await db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId)
            .Select(a => new { a.Id, a.State, a.Headline, a.Standfirst, a.BodyHtml, a.Tags, a.SectionId, a.PublishedAt, a.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        var existing = await db.SearchDocuments.FirstOrDefaultAsync(d => d.ArticleId == articleId && d.CommentId == null, cancellationToken);
        if (story is null || story.State != ArticleState.Published)
        {
            // Its comments go with it; they come back when it is published again.
            await CommentDocuments(db, db.Comments.Where(c => c.ArticleId == articleId)).ExecuteDeleteAsync(cancellationToken);
            await db.SearchDocuments.Where(d => d.ArticleId == articleId && d.CommentId == null).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        var bylines = await StoryByline.Of(db, [articleId]).ToListAsync(cancellationToken);
        var writers = bylines.Select(b => b.WriterId).ToList();
        var title = string.Join('\n', [story.Headline, story.Standfirst ?? "", .. story.Tags, .. bylines.Select(b => b.Name)]);
        var at = story.PublishedAt ?? story.CreatedAt;
        var doc = await KeyedAsync(db, existing, SearchDocumentKeys.Story(at, articleId), articleId, null, cancellationToken);
        doc.SectionId = story.SectionId;
        doc.At = at;
        doc.Title = SearchText.IndexTerms(title);
        doc.Body = SearchText.IndexTerms(SearchableText.FromHtml(story.BodyHtml));
        doc.Facets = Facets(SearchFacets.Story, story.SectionId, writers);
        await db.SaveChangesAsync(cancellationToken);

        // The story's filters (section, writers) are its comments' filters too.
        var commentFacets = Facets(SearchFacets.Comment, story.SectionId, writers);
        await CommentDocuments(db, db.Comments.Where(c => c.ArticleId == articleId))
            .Where(d => d.Facets != commentFacets)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Facets, commentFacets).SetProperty(x => x.SectionId, story.SectionId), cancellationToken);
        await ReconcileCommentsAsync(db, articleId, story.SectionId, commentFacets, cancellationToken);
    }

    public static async Task IndexCommentAsync(BylineDbContext db, long commentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var comment = await db.Comments.AsNoTracking()
            .Where(c => c.Id == commentId)
            .Select(c => new { c.ArticleId, c.Status, c.BodyHtml, c.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        var story = comment is null ? null : await db.Articles.AsNoTracking()
            .Where(a => a.Id == comment.ArticleId)
            .Select(a => new { a.State, a.SectionId, Writers = a.Bylines.Select(b => b.WriterId).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        var existing = await db.SearchDocuments.FirstOrDefaultAsync(d => d.CommentId == commentId, cancellationToken);
        if (comment is null || story is null || comment.Status != CommentStatus.Approved || story.State != ArticleState.Published)
        {
            if (existing is not null)
            {
                db.SearchDocuments.Remove(existing);
                await db.SaveChangesAsync(cancellationToken);
            }
            return;
        }
        var doc = await KeyedAsync(db, existing, SearchDocumentKeys.Comment(comment.CreatedAt, commentId), comment.ArticleId, commentId, cancellationToken);
        Fill(doc, comment.BodyHtml, comment.CreatedAt, story.SectionId, Facets(SearchFacets.Comment, story.SectionId, story.Writers));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The document to fill: the existing one while its key still matches its date, otherwise a new one under the
    /// key (a story published again on another day moves; a document from before keys were dates is replaced).
    /// </summary>
    private static async Task<SearchDocument> KeyedAsync(
        BylineDbContext db, SearchDocument? existing, long key, int articleId, long? commentId, CancellationToken cancellationToken)
    {
        if (existing?.Id == key)
        {
            return existing;
        }
        if (existing is not null)
        {
            db.SearchDocuments.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
        }
        return db.SearchDocuments.Add(Blank(key, articleId, commentId)).Entity;
    }

    /// <summary>A new document under its key, its texts to be filled.</summary>
    private static SearchDocument Blank(long key, int articleId, long? commentId) =>
        new() { Id = key, ArticleId = articleId, CommentId = commentId, Title = "", Body = "", Facets = "" };

    /// <summary>Adds the story's approved comments that have no document, and removes documents of comments no longer approved.</summary>
    private static async Task ReconcileCommentsAsync(BylineDbContext db, int articleId, int sectionId, string facets, CancellationToken cancellationToken)
    {
        await CommentDocuments(db, db.Comments.Where(c => c.ArticleId == articleId && c.Status != CommentStatus.Approved))
            .ExecuteDeleteAsync(cancellationToken);
        long after = 0;
        while (true)
        {
            var missing = await db.Comments.AsNoTracking()
                .Where(c => c.ArticleId == articleId && c.Status == CommentStatus.Approved && c.Id > after
                    && !db.SearchDocuments.Any(d => d.CommentId == c.Id))
                .OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.BodyHtml, c.CreatedAt })
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (missing.Count == 0)
            {
                return;
            }
            foreach (var comment in missing)
            {
                var doc = Blank(SearchDocumentKeys.Comment(comment.CreatedAt, comment.Id), articleId, comment.Id);
                Fill(doc, comment.BodyHtml, comment.CreatedAt, sectionId, facets);
                db.SearchDocuments.Add(doc);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = missing[^1].Id;
        }
    }

    /// <summary>
    /// The documents of these comments, found through the comments: SearchDocuments has no index on ArticleId for
    /// comment documents (only a unique one on CommentId; the one on ArticleId is for story documents), so asking by
    /// ArticleId reads the whole table, once per story during a rebuild. A comment's document always carries its
    /// comment's story, so both ask for the same documents.
    /// </summary>
    private static IQueryable<SearchDocument> CommentDocuments(BylineDbContext db, IQueryable<Comment> comments) =>
        db.SearchDocuments.Where(d => comments.Select(c => (long?)c.Id).Contains(d.CommentId));

    private static void Fill(SearchDocument doc, string bodyHtml, DateTimeOffset createdAt, int sectionId, string facets)
    {
        doc.SectionId = sectionId;
        doc.At = createdAt;
        doc.Title = "";
        doc.Body = SearchText.IndexTerms(SearchableText.FromHtml(bodyHtml));
        doc.Facets = facets;
    }

    private static string Facets(string kind, int sectionId, IEnumerable<int> writers) =>
        string.Join(' ', [kind, SearchFacets.Section(sectionId), .. writers.Distinct().Order().Select(SearchFacets.Writer)]);
}
