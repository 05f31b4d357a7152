using Byline.Data;

namespace Byline.Web.Data;

/// <summary>
/// SQLite takes one writer at a time and makes the others poll for its lock with growing sleeps, which turns a burst of
/// comments into second-long waits. Queueing writers in the process instead hands the lock over at once.
/// PostgreSQL has row locks and needs no gate. (Several processes on one SQLite file are not supported; see DESIGN.md.)
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async ValueTask<Releaser> EnterAsync(BylineDbContext db, CancellationToken cancellationToken)
    {
        if (!db.IsSqlite)
        {
            return default;
        }
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    public void Dispose() => gate.Dispose();

    public readonly struct Releaser(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
