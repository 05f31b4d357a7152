using Byline.Data;
using Byline.Data.Audit;
using Byline.Web.Accounts;

namespace Byline.Web.Data;

/// <summary>
/// Writes audit entries into the caller's unit of work: the entry is saved by the caller's SaveChanges, in the same
/// transaction as the action it records, so an action is never recorded without happening or the other way round.
/// </summary>
public sealed class AuditLog(BylineDbContext db, CurrentUser user, TimeProvider time)
{
    public void Record(string action, string target, string detail = "") =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorUserId = user.Id,
            ActorName = user.IsSignedIn ? user.DisplayName : "system",
            Action = action,
            Target = target,
            Detail = Shorten(detail),
        });

    /// <summary>For work with no person behind it (the scheduler, the CLI).</summary>
    public static void RecordSystem(BylineDbContext db, DateTimeOffset at, string actor, string action, string target, string detail = "") =>
        db.AuditEntries.Add(new AuditEntry { At = at, ActorName = actor, Action = action, Target = target, Detail = Shorten(detail) });

    /// <summary>At most <see cref="MaxDetail"/> UTF-16 units, never cutting an emoji (a surrogate pair) in half.</summary>
    public static string Shorten(string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        if (detail.Length <= MaxDetail)
        {
            return detail;
        }
        var end = char.IsHighSurrogate(detail[MaxDetail - 1]) ? MaxDetail - 1 : MaxDetail;
        return detail[..end];
    }

    public const int MaxDetail = 2000;

    public static string Article(int id) => $"article:{id}";
    public static string User(string id) => $"user:{id}";
}
