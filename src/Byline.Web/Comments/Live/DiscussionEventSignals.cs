using System.Data.Common;
using System.Runtime.CompilerServices;
using Byline.Data.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Byline.Web.Comments.Live;

/// <summary>
/// Notices commits that wrote <see cref="DiscussionEvent"/> rows and reports their stories once they are committed, so
/// no writer has to remember to nudge the live feed, and no reader is told of a change that was rolled back.
/// One per app (not static): two apps in one process (tests of two nodes) must not hear each other except through
/// the feed.
/// </summary>
public sealed class DiscussionEventSignals : IDbTransactionInterceptor, ISaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<int>> pending = [];

    /// <summary>Called with the stories whose events were just committed.</summary>
    public event Action<IReadOnlyCollection<int>>? Committed;

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        foreach (var story in Note(eventData.Context))
        {
            eventData.Context!.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({LockSpace}, {story})");
        }
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        foreach (var story in Note(eventData.Context))
        {
            await eventData.Context!.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockSpace}, {story})", cancellationToken);
        }
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ReportIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ReportIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Report(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Report(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>The first key of PostgreSQL advisory locks taken for a story's events (the second is the story's id).</summary>
    private const int LockSpace = 0x42594C45;

    /// <summary>
    /// Remembers the stories of the events about to be saved, and returns those that need an ordering lock first.
    /// </summary>
    /// <remarks>
    /// Readers resume from the last event id they saw, so a story's events must become visible in id order. On
    /// PostgreSQL two transactions can take ids 9 and 10 and commit 10 first: a reader that saw 10 would never get 9.
    /// A transaction-scoped advisory lock per story, taken before the ids are drawn, makes the writers of one story's
    /// events take turns until they commit. SQLite has one writer at a time already.
    /// </remarks>
    private List<int> Note(DbContext? context)
    {
        var locks = new List<int>();
        if (context is null)
        {
            return locks;
        }
        var ordered = context.Database.CurrentTransaction is not null
            && context.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        foreach (var entry in context.ChangeTracker.Entries<DiscussionEvent>())
        {
            if (entry.State == EntityState.Added)
            {
                lock (pending)
                {
                    var stories = pending.GetOrCreateValue(context);
                    if (stories.Add(entry.Entity.ArticleId) && ordered)
                    {
                        locks.Add(entry.Entity.ArticleId);
                    }
                }
            }
        }
        locks.Sort();
        return locks;
    }

    private void ReportIfCommitted(DbContext? context)
    {
        // Inside an explicit transaction nothing is visible to readers until the commit.
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Report(context);
        }
    }

    private void Report(DbContext? context)
    {
        HashSet<int>? stories;
        lock (pending)
        {
            if (context is null || !pending.TryGetValue(context, out stories))
            {
                return;
            }
            pending.Remove(context);
        }
        Committed?.Invoke(stories);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            lock (pending)
            {
                pending.Remove(context);
            }
        }
    }
}
