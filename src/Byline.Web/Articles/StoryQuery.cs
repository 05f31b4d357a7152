using Byline.Data;
using Byline.Data.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Articles;

public static class StoryQuery
{
    /// <summary>A story with its section and ordered bylines, in one query.</summary>
    public static Task<Article?> FindAsync(BylineDbContext db, string slug, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().Published()
            .Include(a => a.Section)
            .Include(a => a.Bylines.OrderBy(b => b.Position)).ThenInclude(b => b.Writer)
            .FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
}
