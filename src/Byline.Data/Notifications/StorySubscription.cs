namespace Byline.Data.Notifications;

/// <summary>An account's choice for one story's discussion: follow every new comment, or hear nothing from it.</summary>
public sealed class StorySubscription
{
    public required string UserId { get; set; }
    public int ArticleId { get; set; }
    public SubscriptionMode Mode { get; set; }
    public DateTimeOffset At { get; set; }
}

public enum SubscriptionMode
{
    /// <summary>Every new comment on the story.</summary>
    Follow = 0,

    /// <summary>Nothing from this story, not even replies.</summary>
    Mute = 1,
}
