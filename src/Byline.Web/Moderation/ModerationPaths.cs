namespace Byline.Web.Moderation;

public static class ModerationPaths
{
    public const string Queue = "/moderation";
    public const string Metrics = "/moderation/metrics";
    public const string Policy = "/moderation/policy";

    public static string Ban(string userId) => $"/moderation/ban/{Uri.EscapeDataString(userId)}";

    public static string QueueOf(ModerationQueues.Name queue, bool oldestFirst = false, string? story = null, string? reason = null, string? after = null) =>
        Queue + QueryString.Create(new[]
        {
            KeyValuePair.Create("queue", queue == ModerationQueues.Name.Pending ? null : ModerationQueues.NameOf(queue)),
            KeyValuePair.Create("order", oldestFirst ? "oldest" : null),
            KeyValuePair.Create("story", story),
            KeyValuePair.Create("reason", reason),
            KeyValuePair.Create("after", after),
        }.Where(p => !string.IsNullOrEmpty(p.Value)));

    /// <summary>Reason codes moderators can filter by, in the order the checks run.</summary>
    public static readonly IReadOnlyList<string> ReasonCodes =
    [
        "honeypot", "too-fast", "banned-word", "suspect-word", "link-count", "chat-link", "first-comment", "pre-moderation",
        "duplicate", "language-mismatch", "classifier", "flagged", "appeal",
    ];

    /// <summary>Ready-made rejection reasons; the author reads the one chosen.</summary>
    public static readonly IReadOnlyList<string> RejectionReasons =
    [
        "Breaks the discussion rules.",
        "Off-topic for this story.",
        "Personal attack or abuse.",
        "Advertising or solicitation.",
        "Repeats an earlier comment.",
    ];
}
