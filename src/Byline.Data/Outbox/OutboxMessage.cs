namespace Byline.Data.Outbox;

/// <summary>
/// Work to do after a transaction commits (re-anchor a story's passages, send a notification), written in that same
/// transaction so that it is never lost, and done by a background worker on any node.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string Kind { get; set; }

    /// <summary>The message's own JSON; its shape belongs to the handler of <see cref="Kind"/>.</summary>
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not before this time (set after a failure, with a growing delay).</summary>
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
