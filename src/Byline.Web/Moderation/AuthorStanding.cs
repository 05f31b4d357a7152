using Byline.Data;
using Byline.Data.Comments;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Moderation;

/// <summary>An account's standing in the discussion, as the checks, flags and posting ask it: banned, and how far trusted.</summary>
public static class AuthorStanding
{
    /// <summary>When the account's ban ends, if it is banned now.</summary>
    public static async Task<DateTimeOffset?> BannedUntilAsync(BylineDbContext db, string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.BannedUntil).FirstOrDefaultAsync(cancellationToken) is { } until && until > now
            ? until
            : null;

    /// <summary>How many approved comments the account has, counting no further than <paramref name="upTo"/>.</summary>
    public static Task<int> ApprovedCountAsync(BylineDbContext db, string userId, int upTo, CancellationToken cancellationToken) =>
        db.Comments.Where(c => c.AuthorUserId == userId && c.Status == CommentStatus.Approved).Take(upTo).CountAsync(cancellationToken);
}
