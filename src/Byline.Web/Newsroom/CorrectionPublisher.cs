using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Newsroom;

/// <summary>
/// Appends a correction, update or clarification to a published story. One transaction: the entry, the story's new
/// updated time and version (its rendered fragments are keyed by the version), and the audit entry. There is no edit
/// and no delete: a public correction stays as it was published.
/// </summary>
public sealed class CorrectionPublisher(BylineDbContext db, TimeProvider time, WriteGate writeGate, AuditLog audit)
{
    /// <summary>The stored entry, or null when the story is (no longer) published and nothing was stored.</summary>
    public async Task<ArticleCorrection?> AddAsync(int articleId, CorrectionKind kind, string text, string? userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The state check and the bump are one statement, so a story unpublished a moment ago gets no correction.
            var bumped = await db.Articles
                .Where(a => a.Id == articleId && a.State == ArticleState.Published)
                .ExecuteUpdateAsync(a => a
                    .SetProperty(x => x.Version, x => x.Version + 1)
                    .SetProperty(x => x.UpdatedAt, now), cancellationToken);
            if (bumped == 0)
            {
                return null;
            }
            var correction = new ArticleCorrection
            {
                ArticleId = articleId,
                Kind = kind,
                Text = text,
                CreatedAt = now,
                CreatedByUserId = userId,
                // What the newsroom changed up to now is what this correction addresses (see PassageReanchoring).
                Revision = await db.Articles.Where(a => a.Id == articleId).Select(a => a.Revision).FirstAsync(cancellationToken),
            };
            db.ArticleCorrections.Add(correction);
            InlineFeedback.PassageReanchoring.Enqueue(db, articleId, now);
            audit.Record("article.correction", AuditLog.Article(articleId), $"{kind}: {text}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return correction;
        }
    }
}
