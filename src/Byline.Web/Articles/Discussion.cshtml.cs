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
public sealed class DiscussionModel(BylineDbContext db, SiteSettingsStore settings, Accounts.CurrentUser user, TimeProvider time) : PageModel
{
    public Article Article { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public ThreadPage Threads { get; private set; } = null!;
    public bool IsFirstPage { get; private set; }
    public bool DownVotes { get; private set; }

    public async Task<IActionResult> OnGetAsync(string section, string slug, string? after, string? sort, CancellationToken cancellationToken)
    {
        var article = await StoryQuery.FindAsync(db, slug, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }
        if (article.Section.Slug != section)
        {
            return RedirectPermanent(ArticlePaths.Discussion(article.Section.Slug, article.Slug) + QueryString(sort, after));
        }
        var choice = await Comments.Votes.SortChoice.ForPageAsync(db, user.Id, sort, after, cancellationToken);
        if (choice.Invalid)
        {
            return BadRequest();
        }
        PageTags.Add(HttpContext, CacheTags.Article(article.Id));
        Article = article;
        var site = await settings.GetAsync(cancellationToken);
        Zone = site.Zone;
        DownVotes = site.Settings.DownVotesEnabled;
        IsFirstPage = choice.Cursor is null;
        Threads = await ThreadPage.LoadAsync(db, article.Id, choice.Sort, choice.Cursor, ThreadPage.DefaultSize, time.GetUtcNow(), cancellationToken);
        return Page();
    }

    private static string QueryString(string? sort, string? after) =>
        (sort, after) switch
        {
            (null, null) => "",
            (null, _) => "?after=" + Uri.EscapeDataString(after),
            (_, null) => "?sort=" + Uri.EscapeDataString(sort),
            _ => "?sort=" + Uri.EscapeDataString(sort) + "&after=" + Uri.EscapeDataString(after),
        };
}
