using Byline.Data;
using Byline.Data.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Articles;

public static class StoryQuery
{
    /// <summary>A story with its section, ordered bylines and corrections (oldest first), in one query.</summary>
    public static Task<Article?> FindAsync(BylineDbContext db, string slug, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().Published()
            .Include(a => a.Section)
            .Include(a => a.Bylines.OrderBy(b => b.Position)).ThenInclude(b => b.Writer)
            .Include(a => a.Corrections.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id))
            // A story has a few bylines and a few corrections: their product is smaller than a second round trip.
            .AsSingleQuery()
            .FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
}
