namespace Byline.Web.Moderation;

public sealed record QueueItemView(ModerationQueues.Item Item, TimeZoneInfo Zone);
