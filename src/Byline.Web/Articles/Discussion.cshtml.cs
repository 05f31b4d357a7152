using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Comments;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Byline.Web.Articles;

/// <summary>"View all comments": the whole discussion, paged by keyset with plain links (and appended in place with JS).</summary>
[CachedPage]
public sealed class DiscussionModel(BylineDbContext db, SiteSettingsStore settings) : PageModel
{
    public Article Article { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public ThreadPage Threads { get; private set; } = null!;
    public bool IsFirstPage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string section, string slug, string? after, CancellationToken cancellationToken)
    {
        var article = await StoryQuery.FindAsync(db, slug, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }
        if (article.Section.Slug != section)
        {
            return RedirectPermanent(ArticlePaths.Discussion(article.Section.Slug, article.Slug) + QueryString(after));
        }
        KeysetCursor? cursor = null;
        if (after is not null)
        {
            if (!KeysetCursor.TryParse(after, out var parsed))
            {
                return BadRequest();
            }
            cursor = parsed;
        }
        PageTags.Add(HttpContext, CacheTags.Article(article.Id));
        Article = article;
        Zone = (await settings.GetAsync(cancellationToken)).Zone;
        IsFirstPage = cursor is null;
        Threads = await ThreadPage.LoadAsync(db, article.Id, cursor, ThreadPage.DefaultSize, cancellationToken);
        return Page();
    }

    private static string QueryString(string? after) => after is null ? "" : "?after=" + Uri.EscapeDataString(after);
}
