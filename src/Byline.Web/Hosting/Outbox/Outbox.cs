using System.Text.Json;
using Byline.Data;
using Byline.Data.Outbox;

namespace Byline.Web.Hosting.Outbox;

/// <summary>Writes outbox messages into the caller's unit of work; they are saved (and so promised) with it.</summary>
public static class Outbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="dueAt">When the work may start (a grouped mail waits for its group); now when not given.</param>
    public static void Enqueue<T>(BylineDbContext db, string kind, T payload, DateTimeOffset now, DateTimeOffset? dueAt = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = kind,
            Payload = JsonSerializer.Serialize(payload, Json),
            CreatedAt = now,
            DueAt = dueAt is { } due && due > now ? due : now,
        });
    }

    public static T Read<T>(string payload) =>
        JsonSerializer.Deserialize<T>(payload, Json) ?? throw new InvalidDataException("An outbox message has an empty payload.");
}
