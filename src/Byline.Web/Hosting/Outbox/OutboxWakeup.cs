using System.Data.Common;
using System.Runtime.CompilerServices;
using Byline.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Byline.Web.Hosting.Outbox;

/// <summary>
/// Wakes the outbox workers of this process as soon as a commit has written outbox messages, so that work queued by a
/// request starts at once instead of at the next poll. (Other nodes find it at their next poll.)
/// </summary>
public sealed class OutboxWakeup : IDbTransactionInterceptor, ISaveChangesInterceptor
{
    public static OutboxWakeup Instance { get; } = new();

    private readonly ConditionalWeakTable<DbContext, object> pending = [];
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next wake-up.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    public void Wake() => Interlocked.Exchange(ref next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => WakeAfterCommit(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        WakeAfterCommit(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            pending.AddOrUpdate(context, this);
        }
    }

    private void WakeIfCommitted(DbContext? context)
    {
        // Inside an explicit transaction the messages are not visible to the worker until the commit.
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            WakeAfterCommit(context);
        }
    }

    private void WakeAfterCommit(DbContext? context)
    {
        if (context is not null && pending.Remove(context))
        {
            Wake();
        }
    }
}
