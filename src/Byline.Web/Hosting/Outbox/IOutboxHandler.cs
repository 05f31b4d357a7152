namespace Byline.Web.Hosting.Outbox;

/// <summary>
/// Does one kind of outbox work, in the worker's scope (inject what you need, the DbContext included). A message is
/// leased while it runs, not locked, so slow work (mail) holds no database lock; it may run again after a crash or a
/// failure, so a handler must be idempotent and keep its own database changes in one transaction.
/// </summary>
public interface IOutboxHandler
{
    string Kind { get; }

    Task HandleAsync(string payload, CancellationToken cancellationToken);
}
