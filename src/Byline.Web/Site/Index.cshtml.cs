using Byline.Data;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Byline.Web.Site;

[CachedPage(Tags = [CacheTags.Fronts])]
public sealed class IndexModel(BylineDbContext db, SiteSettingsStore settings) : PageModel
{
    public const int PageSize = 20;

    public StoryListView List { get; private set; } = null!;

    /// <summary>The site's description (Admin settings), for search results and link previews of the front page.</summary>
    public string? Description { get; private set; }

    public async Task OnGetAsync(string? before, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        Description = string.IsNullOrWhiteSpace(site.Settings.SiteDescription) ? null : site.Settings.SiteDescription.Trim();
        var (stories, older) = await StorySummary.LoadAsync(db.Articles.Published(), before, PageSize, cancellationToken);
        List = new StoryListView(stories, older is null ? null : $"/?before={older}", site.Zone);
    }
}
