using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Search;

/// <summary>Builds the whole index again from the stories and comments (`byline search rebuild`, and the benchmark).</summary>
public static class SearchRebuild
{
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
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < stories.Count; i++)
        {
            // One story (with its comments) per transaction: readers and writers get turns during a long rebuild.
            using (await writeGate.EnterAsync(db, cancellationToken))
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await SearchIndexer.IndexStoryAsync(db, stories[i], cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            db.ChangeTracker.Clear();
            progress?.Invoke(i + 1, stories.Count);
        }
        return await db.SearchDocuments.CountAsync(cancellationToken);
    }
}
