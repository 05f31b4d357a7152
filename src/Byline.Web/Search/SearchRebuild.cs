using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Search;

/// <summary>Builds the whole index again from the stories and comments (`byline search rebuild`, and the benchmark).</summary>
public static class SearchRebuild
{
    /// <summary>
    /// Whole stories (with their comments) go into transactions of about this many documents: readers and writers get
    /// turns during a long rebuild, as with a transaction per story, without paying a commit (a flush to disk, and on
    /// SQLite a new FTS5 segment to merge later) for each of 50,000 stories.
    /// </summary>
    private const int DocumentsPerTransaction = 2_000;

    /// <returns>How many documents the index holds afterwards.</returns>
    public static async Task<int> RunAsync(BylineDbContext db, WriteGate writeGate, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(writeGate);
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await db.SearchDocuments.ExecuteDeleteAsync(cancellationToken);
        }
        var stories = await db.Articles.AsNoTracking().Where(a => a.State == ArticleState.Published)
            .OrderBy(a => a.Id).Select(a => new Story(a.Id, 1 + a.CommentCount + a.InlineFeedbackCount))
            .ToListAsync(cancellationToken);
        // SaveChanges inside a transaction sets a savepoint first, and FTS5 writes its pending terms out as a new
        // segment at every savepoint: thousands of tiny segments to merge. A failed batch is rolled back whole anyway.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            var done = 0;
            while (done < stories.Count)
            {
                var first = done;
                using (await writeGate.EnterAsync(db, cancellationToken))
                await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    var documents = 0;
                    do
                    {
                        await SearchIndexer.IndexStoryAsync(db, stories[done].Id, cancellationToken);
                        documents += stories[done].Documents;
                        done++;
                    }
                    while (done < stories.Count && documents < DocumentsPerTransaction);
                    await transaction.CommitAsync(cancellationToken);
                }
                db.ChangeTracker.Clear();
                for (var i = first; i < done; i++)
                {
                    progress?.Invoke(i + 1, stories.Count);
                }
            }
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
        return await db.SearchDocuments.CountAsync(cancellationToken);
    }

    /// <summary>A published story and about how many documents it makes (itself and its comments).</summary>
    private sealed record Story(int Id, int Documents);
}
