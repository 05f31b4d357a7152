using Byline.Data;

namespace Byline.Web.Hosting.Outbox;

/// <summary>
/// Does one kind of outbox work. It runs inside the transaction that marks the message done, so its database changes
/// and the "done" commit together; work outside the database (mail) may be repeated after a crash, never lost.
/// Handlers must be idempotent: a message can be handled again after a failure.
/// </summary>
public interface IOutboxHandler
{
    string Kind { get; }

    /// <returns>What to do once the work is committed (evict cached pages), or null.</returns>
    Task<Action?> HandleAsync(BylineDbContext db, string payload, CancellationToken cancellationToken);
}
