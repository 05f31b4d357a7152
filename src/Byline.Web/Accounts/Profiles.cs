using Byline.Data;
using Byline.Data.Accounts;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Byline.Web.Search;

namespace Byline.Web.Accounts;

/// <summary>
/// Saves a person's display name and bio. A staff account's profile IS its writer page, so the writer row changes in
/// the same transaction, and a new name reaches every story that credits the writer (their fragments are keyed by
/// the story's version) and the fronts.
/// </summary>
public sealed class Profiles(BylineDbContext db, UserManager<BylineUser> users, WriteGate writeGate, PageCache cache, TimeProvider time)
{
    public async Task<IdentityResult> UpdateAsync(BylineUser user, string displayName, string bio, CancellationToken cancellationToken)
    {
        var renamed = !string.Equals(user.DisplayName, displayName, StringComparison.Ordinal);
        user.DisplayName = displayName;
        user.Bio = bio;
        List<int> credited = [];
        using (await writeGate.EnterAsync(db, cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (user.WriterId is { } writerId && await db.Writers.FirstOrDefaultAsync(w => w.Id == writerId, cancellationToken) is { } writer)
            {
                writer.DisplayName = displayName;
                writer.Bio = bio;
                if (renamed)
                {
                    var stories = db.Articles.Where(a => a.Bylines.Any(b => b.WriterId == writerId));
                    credited = await stories.Select(a => a.Id).ToListAsync(cancellationToken);
                    await stories.ExecuteUpdateAsync(a => a.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
                    foreach (var story in credited)
                    {
                        // Bylines are searchable: the story's document carries the writer's name.
                        SearchIndex.StoryChanged(db, story, time.GetUtcNow());
                    }
                }
            }
            // Saves the writer row too: one SaveChanges on the shared context.
            var result = await users.UpdateAsync(user);
            if (!result.Succeeded)
            {
                return result;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        if (user.WriterId is not null)
        {
            foreach (var id in credited)
            {
                cache.Evict(CacheTags.Article(id));
            }
            // Writer pages and story lists (bylines) are tagged as fronts.
            cache.Evict(CacheTags.Fronts);
        }
        return IdentityResult.Success;
    }
}
