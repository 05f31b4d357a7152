using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Byline.Tests.Infrastructure;

/// <summary>Counts the SQL commands an app sends, so a test can bound the queries of a page or see that the cache answered.</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly Lock gate = new();
    private readonly List<string> commands = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return commands.Count;
            }
        }
    }

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (gate)
            {
                return [.. commands];
            }
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            commands.Clear();
        }
    }

    /// <summary>Counts the commands <paramref name="action"/> causes. Only sound when nothing else uses the same app meanwhile.</summary>
    public async Task<int> CountDuringAsync(Func<Task> action)
    {
        Reset();
        await action();
        return Count;
    }

    private void Record(DbCommand command)
    {
        lock (gate)
        {
            commands.Add(command.CommandText);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
