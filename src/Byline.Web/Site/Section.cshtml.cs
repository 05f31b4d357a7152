using Byline.Data;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Site;

[CachedPage(Tags = [CacheTags.Fronts])]
public sealed class SectionModel(BylineDbContext db, SiteSettingsStore settings) : PageModel
{
    public string Name { get; private set; } = "";
    public string Path { get; private set; } = "";
    public StoryListView List { get; private set; } = null!;
    public Feeds.FeedScope Feed { get; private set; } = Feeds.FeedScope.Site;

    public async Task<IActionResult> OnGetAsync(string section, string? before, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        var found = site.Sections.FirstOrDefault(s => s.Slug == section)
            ?? await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == section, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        Name = found.Name;
        Path = ArticlePaths.Section(found.Slug);
        Feed = Feeds.FeedScope.ForSection(found);
        var (stories, older) = await StorySummary.LoadAsync(db.Articles.Published().Where(a => a.SectionId == found.Id), before, IndexModel.PageSize, cancellationToken);
        List = new StoryListView(stories, older is null ? null : $"{ArticlePaths.Section(found.Slug)}?before={older}", site.Zone);
        return Page();
    }
}
