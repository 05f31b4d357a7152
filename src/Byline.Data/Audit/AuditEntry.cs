namespace Byline.Data.Audit;

/// <summary>An append-only record of a consequential action (publish, unpublish, correction, role change, deletion).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The acting account; null for the system (the scheduler, the first-start setup).</summary>
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }

    /// <summary>A stable verb such as "article.publish" or "user.role-add".</summary>
    public required string Action { get; set; }

    /// <summary>What the action was done to, e.g. "article:42" or "user:ab12…".</summary>
    public required string Target { get; set; }
    public string Detail { get; set; } = "";
}
