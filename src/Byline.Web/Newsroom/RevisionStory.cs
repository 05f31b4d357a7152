using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Newsroom;

/// <summary>
/// A story as the revision and correction pages see it: a few columns and what the asking person may do with it,
/// decided by <see cref="StoryAccess"/>. Null when the story does not exist or is hidden from this person (→ 404).
/// </summary>
public sealed record RevisionStory(int Id, string Headline, string Slug, string SectionSlug, ArticleState State, int Revision, StoryAccess Access)
{
    public static async Task<RevisionStory?> FindAsync(BylineDbContext db, CurrentUser user, int id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (!StoryAccess.CanUseNewsroom(user))
        {
            return null;
        }
        var row = await db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id, a.Headline, a.Slug, SectionSlug = a.Section.Slug, a.State, a.Revision, a.CreatedByUserId,
                Writers = a.Bylines.Select(b => b.WriterId).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var access = StoryAccess.For(user, row.CreatedByUserId, row.Writers);
        return access.CanSeeRevisions
            ? new RevisionStory(row.Id, row.Headline, row.Slug, row.SectionSlug, row.State, row.Revision, access)
            : null;
    }

    public bool IsPublished => State == ArticleState.Published;

    /// <summary>Where readers find the story, while it is published.</summary>
    public string PublicPath => Articles.ArticlePaths.Story(SectionSlug, Slug);
}
