namespace Byline.Web.Moderation;

/// <summary>Who moves a comment: a person (moderator, author, flagger) or, with no user id, the system.</summary>
public sealed record ModerationActor(string? UserId, string Name)
{
    public static ModerationActor Checks { get; } = new(null, "Submit checks");
    public static ModerationActor Flags { get; } = new(null, "Reader flags");
}
