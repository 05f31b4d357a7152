using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments;

/// <summary>
/// One visible comment's HTML exactly as its story page renders it (without its replies), for the live feed: a page
/// that hears of a new or edited comment fetches this. Shared by every reader, so it is served from the page cache and
/// evicted with the story.
/// </summary>
[CachedPage]
public sealed class FragmentModel(BylineDbContext db, SiteSettingsStore settings) : PageModel
{
    public CommentView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var found = await db.Comments.AsNoTracking().Include(c => c.Anchor)
            .Where(c => c.Id == id && c.Status == CommentStatus.Approved)
            .Join(db.Articles.Published(), c => c.ArticleId, a => a.Id,
                (c, a) => new { Comment = c, a.Slug, SectionSlug = a.Section.Slug, a.CommentsOpen })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        PageTags.Add(HttpContext, CacheTags.Article(found.Comment.ArticleId));
        var node = new CommentThreads.Node<Comment>(found.Comment);
        var site = await settings.GetAsync(cancellationToken);
        View = new CommentView(node, found.SectionSlug, found.Slug, site.Zone, found.CommentsOpen,
            await StaffBadges.ForAsync(db, [node], cancellationToken), site.Settings.DownVotesEnabled);
        return Page();
    }
}
