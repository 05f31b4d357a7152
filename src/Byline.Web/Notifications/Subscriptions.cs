using Byline.Data;
using Byline.Data.Notifications;
using Byline.Web.Articles;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Notifications;

/// <summary>An account's choice for a story's discussion: follow, mute, or neither (replies to their comments still come).</summary>
public static class Subscriptions
{
    public const string Follow = "follow";
    public const string Mute = "mute";
    public const string None = "none";

    public static string Name(SubscriptionMode? mode) => mode switch
    {
        SubscriptionMode.Follow => Follow,
        SubscriptionMode.Mute => Mute,
        _ => None,
    };

    /// <summary>The mode a name stands for; false for a name that is none of the three.</summary>
    public static bool TryParse(string? name, out SubscriptionMode? mode)
    {
        (var ok, mode) = name?.Trim().ToLowerInvariant() switch
        {
            Follow => (true, SubscriptionMode.Follow),
            Mute => (true, (SubscriptionMode?)SubscriptionMode.Mute),
            None => (true, null),
            _ => (false, null),
        };
        return ok;
    }

    public sealed record Story(int Id, string Headline, string Path);

    public static Task<Story?> FindStoryAsync(BylineDbContext db, string slug, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().Published().Where(a => a.Slug == slug)
            .Select(a => new Story(a.Id, a.Headline, ArticlePaths.Story(a.Section.Slug, a.Slug)))
            .FirstOrDefaultAsync(cancellationToken);

    public static Task<SubscriptionMode?> GetAsync(BylineDbContext db, string userId, int articleId, CancellationToken cancellationToken) =>
        db.StorySubscriptions.AsNoTracking().Where(s => s.UserId == userId && s.ArticleId == articleId)
            .Select(s => (SubscriptionMode?)s.Mode).FirstOrDefaultAsync(cancellationToken);

    public static async Task SetAsync(
        BylineDbContext db, WriteGate writeGate, string userId, int articleId, SubscriptionMode? mode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var _ = await writeGate.EnterAsync(db, cancellationToken);
        var existing = await db.StorySubscriptions.FirstOrDefaultAsync(s => s.UserId == userId && s.ArticleId == articleId, cancellationToken);
        if (mode is not { } chosen)
        {
            if (existing is not null)
            {
                db.StorySubscriptions.Remove(existing);
            }
        }
        else if (existing is null)
        {
            db.StorySubscriptions.Add(new StorySubscription { UserId = userId, ArticleId = articleId, Mode = chosen, At = now });
        }
        else
        {
            existing.Mode = chosen;
            existing.At = now;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same choice made twice at once (two clicks, two tabs): the other request stored it; make it this one.
            db.ChangeTracker.Clear();
            if (mode is { } again)
            {
                await db.StorySubscriptions.Where(s => s.UserId == userId && s.ArticleId == articleId)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Mode, again).SetProperty(x => x.At, now), cancellationToken);
            }
        }
    }
}
