using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Accounts;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments;

/// <summary>
/// "Your comment is awaiting moderation": where a held comment's author lands after posting. Only they see it:
/// through the sealed key of the link (guests) or their account; anyone else hears there is nothing here.
/// </summary>
public sealed class HeldModel(BylineDbContext db, HeldComments held, CurrentUser user, SiteSettingsStore settings) : PageModel
{
    public Comment Comment { get; private set; } = null!;
    public string StoryHeadline { get; private set; } = "";
    public string StoryPath { get; private set; } = "";
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>A moderator's rejection, with its reason; anything else not yet approved reads "awaiting moderation".</summary>
    public bool Rejected => Comment.Status == CommentStatus.Rejected && Comment.StatusNote is not null;

    public async Task<IActionResult> OnGetAsync(long id, string? k, CancellationToken cancellationToken)
    {
        var found = await CommentInStory.Published(db.Comments.AsNoTracking().Where(c => c.Id == id && c.Status != CommentStatus.Deleted), db)
            .FirstOrDefaultAsync(cancellationToken);
        var mine = found is not null && (held.IsKeyFor(id, k) || (found.Comment.AuthorUserId is { } author && author == user.Id));
        if (!mine)
        {
            return NotFound();
        }
        if (found!.Comment.Status == CommentStatus.Approved)
        {
            return Redirect(await ThreadPage.LocationOfAsync(db, found.Comment, found.SectionSlug, found.Slug, cancellationToken));
        }
        (Comment, StoryHeadline, StoryPath) = (found.Comment, found.Headline, found.StoryPath);
        Zone = (await settings.GetAsync(cancellationToken)).Zone;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
