using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Search;

/// <summary>
/// A site that had stories before it had search (an upgrade), or whose index was emptied, has its published stories
/// queued for indexing at start; the outbox worker builds the index in the background while the site serves.
/// </summary>
public sealed class SearchBootstrap(IServiceScopeFactory scopes, TimeProvider time, ILogger<SearchBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
        if (await db.SearchDocuments.AnyAsync(cancellationToken)
            || await db.OutboxMessages.AnyAsync(m => m.Kind == SearchIndex.StoryKind && m.DoneAt == null, cancellationToken))
        {
            return;
        }
        var stories = await db.Articles.AsNoTracking().Where(a => a.State == ArticleState.Published)
            .Select(a => a.Id).ToListAsync(cancellationToken);
        if (stories.Count == 0)
        {
            return;
        }
        var writeGate = scope.ServiceProvider.GetRequiredService<WriteGate>();
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            foreach (var id in stories)
            {
                SearchIndex.StoryChanged(db, id, time.GetUtcNow());
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        logger.LogInformation("Search: {Count} published stories queued for indexing", stories.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
