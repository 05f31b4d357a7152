using Byline.Data;
using Byline.Data.Articles;
using Byline.Data.Comments;
using Byline.Web.Comments;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Articles;

/// <summary>Replying without JavaScript: the comment being answered, and a form that posts to the story.</summary>
public sealed class ReplyModel(BylineDbContext db, SiteSettingsStore settings, CommentFormGuard guard) : PageModel
{
    public Article Article { get; private set; } = null!;
    public CommentView Parent { get; private set; } = null!;
    public CommentFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string section, string slug, long id, CancellationToken cancellationToken)
    {
        var article = await StoryQuery.FindAsync(db, slug, cancellationToken);
        var parent = article is null
            ? null
            : await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.ArticleId == article.Id && c.Status == CommentStatus.Approved, cancellationToken);
        if (article is null || parent is null)
        {
            return NotFound();
        }
        if (article.Section.Slug != section)
        {
            return RedirectPermanent(ArticlePaths.Reply(article.Section.Slug, article.Slug, id));
        }
        var site = await settings.GetAsync(cancellationToken);
        Article = article;
        Parent = new CommentView(new CommentThreads.Node<Comment>(parent), article.Section.Slug, article.Slug, site.Zone, CanReply: false);
        var storyPath = ArticlePaths.Story(article.Section.Slug, article.Slug);
        Form = new CommentFormView(storyPath, new CommentForm { ParentId = parent.Id }, article.AreCommentsOpen(), site.Settings.GuestCommentsAllowed,
            parent.AuthorName, storyPath + "#" + ArticlePaths.CommentAnchor(parent.Id), SignedInAs: guard.Author?.DisplayName, Started: guard.Stamp());
        return Page();
    }
}
