using System.Globalization;
using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Accounts;
using Byline.Web.Articles;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;
using Byline.Web.Search;

namespace Byline.Web.Newsroom;

/// <summary>
/// Brings an old revision back: its content becomes the story's content as a new revision, so history only grows.
/// Workflow state, publication times and counters are not content and stay as they are.
/// </summary>
public sealed class RevisionRestorer(BylineDbContext db, ArticleRenderer renderer, TimeProvider time, WriteGate writeGate, AuditLog audit)
{
    public enum Status
    {
        Restored,
        Unchanged,
        NotFound,
        Forbidden,

        /// <summary>The story was saved by someone else since the restoring person loaded it.</summary>
        Stale,

        /// <summary>The old slug now belongs to another story.</summary>
        SlugTaken,

        /// <summary>The old revision names a section, writer or image that no longer exists.</summary>
        Gone,
    }

    /// <param name="Revision">The story's latest revision after the attempt (the new one when restored).</param>
    /// <param name="Published">Whether the story is public, so its pages must be evicted.</param>
    /// <param name="Detail">For <see cref="Status.SlugTaken"/> the slug, for <see cref="Status.Gone"/> what is gone.</param>
    public sealed record Outcome(Status Status, int Revision = 0, bool Published = false, string? Detail = null);

    public async Task<Outcome> RestoreAsync(CurrentUser user, int id, int number, int basedOnRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!StoryAccess.CanUseNewsroom(user))
        {
            return new(Status.NotFound);
        }
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var article = await db.Articles.Include(a => a.Bylines).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            var access = article is null ? null : StoryAccess.For(user, article.CreatedByUserId, article.Bylines.Select(b => b.WriterId));
            if (article is null || access is not { CanSeeRevisions: true })
            {
                return new(Status.NotFound);
            }
            var revision = await db.ArticleRevisions.AsNoTracking()
                .FirstOrDefaultAsync(r => r.ArticleId == id && r.Number == number, cancellationToken);
            if (revision is null)
            {
                return new(Status.NotFound, article.Revision);
            }
            if (!access.CanRestore(article.State))
            {
                return new(Status.Forbidden, article.Revision);
            }
            if (article.Revision != basedOnRevision)
            {
                return new(Status.Stale, article.Revision);
            }
            var snapshot = StorySnapshot.FromRevision(revision);
            if (snapshot.SameContentAs(StorySnapshot.Of(article)))
            {
                return new(Status.Unchanged, article.Revision);
            }
            if (await RefusalAsync(article, snapshot, cancellationToken) is { } refusal)
            {
                return refusal;
            }

            var now = time.GetUtcNow();
            snapshot.ApplyTo(article);
            article.BodyHtml = renderer.Render(article.BodyMarkdown);
            var note = string.Create(CultureInfo.InvariantCulture, $"Restored from revision {number}");
            var restored = StoryRevisions.Record(db, article, basedOnRevision, user.Id, user.DisplayName, note, now);
            var published = article.State == ArticleState.Published;
            if (published)
            {
                // Readers see the change: the story's fragments are keyed by its version.
                article.Version++;
                article.UpdatedAt = now;
                SearchIndex.StoryChanged(db, article.Id, now);
            }
            audit.Record("article.restore", AuditLog.Article(id),
                string.Create(CultureInfo.InvariantCulture, $"Revision {number} restored as revision {restored.Number}"));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A race lost after the checks above: another save moved the revision (a concurrency failure, or the
                // unique revision number), or another story took the slug. Nothing was stored; say which.
                db.ChangeTracker.Clear();
                var latest = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.Revision).FirstAsync(cancellationToken);
                if (latest != basedOnRevision)
                {
                    return new(Status.Stale, latest);
                }
                if (await db.Articles.AnyAsync(a => a.Slug == snapshot.Slug && a.Id != id, cancellationToken))
                {
                    return new(Status.SlugTaken, latest, Detail: snapshot.Slug);
                }
                throw;
            }
            await transaction.CommitAsync(cancellationToken);
            return new(Status.Restored, restored.Number, published);
        }
    }

    /// <summary>What the old content refers to must still be there; otherwise nothing is stored and the editor is told why.</summary>
    private async Task<Outcome?> RefusalAsync(Article article, StorySnapshot snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.Slug != article.Slug
            && await db.Articles.AnyAsync(a => a.Slug == snapshot.Slug && a.Id != article.Id, cancellationToken))
        {
            return new(Status.SlugTaken, article.Revision, Detail: snapshot.Slug);
        }
        if (!await db.Sections.AnyAsync(s => s.Id == snapshot.SectionId, cancellationToken))
        {
            return new(Status.Gone, article.Revision, Detail: "its section");
        }
        var writerIds = snapshot.WriterIds.Distinct().ToList();
        if (await db.Writers.CountAsync(w => writerIds.Contains(w.Id), cancellationToken) != writerIds.Count)
        {
            return new(Status.Gone, article.Revision, Detail: "one of its writers");
        }
        if (snapshot.LeadImageId is { } imageId && !await db.Images.AnyAsync(i => i.Id == imageId, cancellationToken))
        {
            return new(Status.Gone, article.Revision, Detail: "its lead image");
        }
        return null;
    }
}
