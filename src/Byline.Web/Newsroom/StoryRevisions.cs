using Byline.Data;
using Byline.Data.Articles;

namespace Byline.Web.Newsroom;

/// <summary>
/// Every save of a story writes an immutable revision. The story's <see cref="Article.Revision"/> is the number of its
/// latest revision and its optimistic concurrency token: a save based on an older revision fails with
/// <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/> instead of overwriting someone's work.
/// </summary>
public static class StoryRevisions
{
    /// <summary>
    /// Adds the next revision for the story's current content (call after applying the edit, before SaveChanges). A new
    /// story is inserted first (revision 0, inside the caller's transaction) so that it has an id to refer to.
    /// <paramref name="basedOnRevision"/> is the revision the editor started from; it becomes the concurrency check.
    /// </summary>
    public static ArticleRevision Record(
        BylineDbContext db, Article article, int basedOnRevision, string? userId, string userName, string? note, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(article);
        if (article.Id == 0)
        {
            throw new InvalidOperationException("Insert the story before recording its first revision.");
        }
        // The UPDATE is conditioned on the revision the editor saw, not on what this request happened to load.
        db.Entry(article).Property(a => a.Revision).OriginalValue = basedOnRevision;
        article.Revision = basedOnRevision + 1;
        var snapshot = StorySnapshot.Of(article);
        var revision = new ArticleRevision
        {
            ArticleId = article.Id,
            Number = article.Revision,
            CreatedAt = at,
            AuthorUserId = userId,
            AuthorName = userName,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Headline = snapshot.Headline,
            Standfirst = snapshot.Standfirst,
            BodyMarkdown = snapshot.BodyMarkdown,
            BodyText = InlineFeedback.StoryText.Of(article.BodyHtml),
            Fields = snapshot.FieldsJson(),
        };
        db.ArticleRevisions.Add(revision);
        // Readers' passages follow the text to its new revision, in the background, once this save commits.
        InlineFeedback.PassageReanchoring.Enqueue(db, article.Id, at);
        return revision;
    }
}
