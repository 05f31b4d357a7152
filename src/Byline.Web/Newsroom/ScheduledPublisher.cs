using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;
using Byline.Web.Search;

namespace Byline.Web.Newsroom;

/// <summary>
/// Publishes scheduled stories when their time comes, on every node, without locks: each due story is published by a
/// conditional update (still scheduled, still due), so when several nodes (or two runs) race, the database lets exactly
/// one update touch the row, and only that node writes the audit entry and evicts its cached pages.
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider time, PublicPages pages, ILogger<ScheduledPublisher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    public const string Actor = "scheduler";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PublishDueAsync(time.GetUtcNow(), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A database hiccup must not stop the schedule: the next tick tries again.
                    logger.LogError(ex, "Publishing scheduled stories failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Publishes every story scheduled at or before <paramref name="now"/>; returns how many this call published.</summary>
    public async Task<int> PublishDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
        var writeGate = scope.ServiceProvider.GetRequiredService<WriteGate>();
        var due = await db.Articles.AsNoTracking()
            .Where(a => a.State == ArticleState.Scheduled && a.PublishAt <= now)
            .OrderBy(a => a.PublishAt)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);

        var published = 0;
        foreach (var id in due)
        {
            using (await writeGate.EnterAsync(db, cancellationToken))
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                var updated = await db.Articles
                    .Where(a => a.Id == id && a.State == ArticleState.Scheduled && a.PublishAt <= now)
                    .ExecuteUpdateAsync(set => StoryPublication.Publish(set, now), cancellationToken);
                if (updated == 0)
                {
                    // Another node (or an editor) got there first, or it was unscheduled meanwhile.
                    continue;
                }
                AuditLog.RecordSystem(db, now, Actor, "article.publish", AuditLog.Article(id), "scheduled");
                SearchIndex.StoryChanged(db, id, now);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            pages.StoryChanged(id);
            published++;
            logger.LogInformation("Published scheduled story {Id}", id);
        }
        return published;
    }
}
