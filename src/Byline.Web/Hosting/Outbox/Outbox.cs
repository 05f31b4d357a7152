using System.Text.Json;
using Byline.Data;
using Byline.Data.Outbox;

namespace Byline.Web.Hosting.Outbox;

/// <summary>Writes outbox messages into the caller's unit of work; they are saved (and so promised) with it.</summary>
public static class Outbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Enqueue<T>(BylineDbContext db, string kind, T payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = kind,
            Payload = JsonSerializer.Serialize(payload, Json),
            CreatedAt = now,
            DueAt = now,
        });
    }

    public static T Read<T>(string payload) =>
        JsonSerializer.Deserialize<T>(payload, Json) ?? throw new InvalidDataException("An outbox message has an empty payload.");
}
