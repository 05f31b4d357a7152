using Byline.Data;
using Byline.Data.Outbox;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Hosting.Outbox;

/// <summary>
/// Does the work in the outbox, oldest first, on every node. Each message is claimed in a short transaction that leases
/// it (moves its due time <see cref="Lease"/> ahead); on PostgreSQL the claim reads it with <c>FOR UPDATE SKIP LOCKED</c>,
/// so any number of nodes share the work and never claim the same message. The work itself runs outside any
/// transaction, so a slow mail server holds no lock; then the message is marked done. A node that dies mid-way leaves
/// the lease to expire and the work to be done again. A failed message is retried with a growing delay, and given up
/// (kept, with its error) after <see cref="MaxAttempts"/>.
/// </summary>
/// <remarks>
/// <c>Byline:Outbox:Worker=false</c> keeps a node from doing background work (a web-only node; tests that run the work
/// themselves with <see cref="RunDueAsync"/>).
/// </remarks>
public sealed class OutboxWorker(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    public const int MaxAttempts = 8;

    /// <summary>How long a claimed message is left to its worker before another may take it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>How often an idle worker looks for work that another node queued.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long done messages are kept (for an operator to look at) before they are deleted.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private DateTimeOffset nextPrune = DateTimeOffset.MinValue;

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
                if (time.GetUtcNow() >= nextPrune)
                {
                    await PruneAsync(stoppingToken);
                    nextPrune = time.GetUtcNow().AddHours(1);
                }
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

    /// <summary>
    /// Deletes messages done more than <see cref="Retention"/> ago; those given up after failing are kept for the
    /// operator. Returns how many were deleted.
    /// </summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
        var before = time.GetUtcNow() - Retention;
        using var _ = await scope.ServiceProvider.GetRequiredService<WriteGate>().EnterAsync(db, cancellationToken);
        return await db.OutboxMessages
            .Where(m => m.DoneAt != null && m.DoneAt < before && m.Attempts < MaxAttempts)
            .ExecuteDeleteAsync(cancellationToken);
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
        var claimed = await ClaimAsync(db, scope.ServiceProvider.GetRequiredService<WriteGate>(), cancellationToken);
        if (claimed is null)
        {
            return false;
        }
        try
        {
            var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().FirstOrDefault(h => h.Kind == claimed.Kind)
                ?? throw new InvalidOperationException($"No handler for outbox messages of kind '{claimed.Kind}'.");
            await handler.HandleAsync(claimed.Payload, cancellationToken);
            await FinishAsync(claimed.Id, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await FinishAsync(claimed.Id, ex);
        }
        return true;
    }

    /// <summary>The oldest due message, leased to this worker; null when there is none.</summary>
    private async Task<OutboxMessage?> ClaimAsync(BylineDbContext db, WriteGate writeGate, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var _ = await writeGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var message = db.IsSqlite
            ? await db.OutboxMessages.Where(m => m.DoneAt == null && m.DueAt <= now).OrderBy(m => m.Id).FirstOrDefaultAsync(cancellationToken)
            : await db.OutboxMessages.FromSql(
                    $"""SELECT * FROM "OutboxMessages" WHERE "DoneAt" IS NULL AND "DueAt" <= {now} ORDER BY "Id" LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .FirstOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return null;
        }
        message.Attempts++;
        message.DueAt = now + Lease;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return message;
    }

    private async Task FinishAsync(long id, Exception? failure)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
        using var _ = await scope.ServiceProvider.GetRequiredService<WriteGate>().EnterAsync(db, CancellationToken.None);
        var message = await db.OutboxMessages.FirstAsync(m => m.Id == id, CancellationToken.None);
        var now = time.GetUtcNow();
        if (failure is null)
        {
            message.DoneAt = now;
        }
        else
        {
            message.LastError = AuditLog.Shorten($"{failure.GetType().Name}: {failure.Message}");
            if (message.Attempts >= MaxAttempts)
            {
                message.DoneAt = now;
                logger.LogError(failure, "Outbox message {Id} ({Kind}) failed {Attempts} times; giving up", id, message.Kind, message.Attempts);
            }
            else
            {
                // 2 s, 4 s, 8 s … about 2 minutes before the last attempt.
                message.DueAt = now + TimeSpan.FromSeconds(Math.Pow(2, message.Attempts));
                logger.LogWarning(failure, "Outbox message {Id} ({Kind}) failed; retrying at {DueAt}", id, message.Kind, message.DueAt);
            }
        }
        // Recorded even when the host is stopping: the work was done (or failed) and must not be redone for nothing.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    public override void Dispose()
    {
        runner.Dispose();
        base.Dispose();
    }
}
