using Byline.Data;
using Byline.Data.Outbox;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Hosting.Outbox;

/// <summary>
/// Does the work in the outbox, oldest first, on every node. On PostgreSQL each message is claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> inside the transaction that handles it, so any number of nodes share the work and no
/// message is handled by two at once; SQLite has one process, and one runner in it. A failed message is retried
/// later with a growing delay, and given up (kept, with its error) after <see cref="MaxAttempts"/>.
/// </summary>
/// <remarks>
/// <c>Byline:Outbox:Worker=false</c> keeps a node from doing background work (a web-only node; tests that run the work
/// themselves with <see cref="RunDueAsync"/>).
/// </remarks>
public sealed class OutboxWorker(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    public const int MaxAttempts = 8;

    /// <summary>How often an idle worker looks for work that another node queued.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim runner = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Byline:Outbox:Worker", true))
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var wakeup = OutboxWakeup.Instance.Next;
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The outbox worker failed; it will try again");
            }
            try
            {
                // A real-time wait: polling is about the machine, not about the site's clock.
                await wakeup.WaitAsync(PollInterval, stoppingToken);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Handles every message that is due now; returns how many were handled (done or failed).</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        await runner.WaitAsync(cancellationToken);
        try
        {
            var handled = 0;
            while (await RunOneAsync(cancellationToken))
            {
                handled++;
            }
            return handled;
        }
        finally
        {
            runner.Release();
        }
    }

    private async Task<bool> RunOneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
        var writeGate = scope.ServiceProvider.GetRequiredService<WriteGate>();
        var now = time.GetUtcNow();
        long id;
        string kind;
        Exception? failure = null;
        using (await writeGate.EnterAsync(db, cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var message = db.IsSqlite
                ? await db.OutboxMessages.Where(m => m.DoneAt == null && m.DueAt <= now).OrderBy(m => m.Id).FirstOrDefaultAsync(cancellationToken)
                : await db.OutboxMessages.FromSql(
                        $"""SELECT * FROM "OutboxMessages" WHERE "DoneAt" IS NULL AND "DueAt" <= {now} ORDER BY "Id" LIMIT 1 FOR UPDATE SKIP LOCKED""")
                    .FirstOrDefaultAsync(cancellationToken);
            if (message is null)
            {
                return false;
            }
            (id, kind) = (message.Id, message.Kind);
            var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().FirstOrDefault(h => h.Kind == kind);
            try
            {
                if (handler is null)
                {
                    throw new InvalidOperationException($"No handler for outbox messages of kind '{kind}'.");
                }
                var afterCommit = await handler.HandleAsync(db, message.Payload, cancellationToken);
                message.Attempts++;
                message.DoneAt = time.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                afterCommit?.Invoke();
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failure = ex;
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
        await RecordFailureAsync(id, kind, failure, now, cancellationToken);
        return true;
    }

    private async Task RecordFailureAsync(long id, string kind, Exception failure, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
        var writeGate = scope.ServiceProvider.GetRequiredService<WriteGate>();
        using var _ = await writeGate.EnterAsync(db, cancellationToken);
        var message = await db.OutboxMessages.FirstAsync(m => m.Id == id, cancellationToken);
        message.Attempts++;
        message.LastError = AuditLog.Shorten($"{failure.GetType().Name}: {failure.Message}");
        if (message.Attempts >= MaxAttempts)
        {
            message.DoneAt = now;
            logger.LogError(failure, "Outbox message {Id} ({Kind}) failed {Attempts} times; giving up", id, kind, message.Attempts);
        }
        else
        {
            // 2 s, 4 s, 8 s … about 4 minutes at the last attempt.
            message.DueAt = now + TimeSpan.FromSeconds(Math.Pow(2, message.Attempts));
            logger.LogWarning(failure, "Outbox message {Id} ({Kind}) failed; retrying at {DueAt}", id, kind, message.DueAt);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public override void Dispose()
    {
        runner.Dispose();
        base.Dispose();
    }
}
