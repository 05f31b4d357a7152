using System.Globalization;
using Byline.Data;
using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Accounts;

/// <summary>
/// Staff profiles become writer pages: an account that may write (writer or editor) needs a <see cref="Writer"/> to
/// appear under as a byline. The page outlives the role, because the bylines of published stories must keep working.
/// </summary>
public sealed class StaffProfiles(BylineDbContext db)
{
    /// <summary>Roles whose holders sign stories.</summary>
    public static bool NeedsWriterPage(string role) => role is Roles.Writer or Roles.Editor;

    /// <summary>
    /// Creates and links the account's writer page unless it has one. Saves through the caller's context, so it joins
    /// the caller's transaction; <paramref name="user"/> must be tracked by that context.
    /// </summary>
    public async Task<Writer?> EnsureWriterPageAsync(BylineUser user, CancellationToken cancellationToken)
    {
        if (user.WriterId is not null)
        {
            return null;
        }
        var writer = new Writer
        {
            Slug = await FreeSlugAsync(user.DisplayName, cancellationToken),
            DisplayName = user.DisplayName,
            Bio = user.Bio,
        };
        db.Writers.Add(writer);
        await db.SaveChangesAsync(cancellationToken);
        user.WriterId = writer.Id;
        await db.SaveChangesAsync(cancellationToken);
        return writer;
    }

    /// <summary>The display name's slug, or the first of "-2", "-3", … after it that no writer page has yet.</summary>
    private async Task<string> FreeSlugAsync(string displayName, CancellationToken cancellationToken)
    {
        var stem = Slugs.From(displayName);
        if (stem.Length == 0)
        {
            stem = "writer";
        }
        var prefix = stem + "-";
        var taken = (await db.Writers.AsNoTracking()
            .Where(w => w.Slug == stem || w.Slug.StartsWith(prefix))
            .Select(w => w.Slug)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(stem))
        {
            return stem;
        }
        for (var n = 2; ; n++)
        {
            var candidate = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
