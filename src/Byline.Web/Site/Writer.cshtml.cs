using Byline.Data;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Site;

[CachedPage(Tags = [CacheTags.Fronts])]
public sealed class WriterModel(BylineDbContext db, SiteSettingsStore settings) : PageModel
{
    public Byline.Data.Articles.Writer Writer { get; private set; } = null!;
    public StoryListView List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, string? before, CancellationToken cancellationToken)
    {
        var writer = await db.Writers.AsNoTracking().FirstOrDefaultAsync(w => w.Slug == slug, cancellationToken);
        if (writer is null)
        {
            return NotFound();
        }
        Writer = writer;
        var site = await settings.GetAsync(cancellationToken);
        var (stories, older) = await StorySummary.LoadAsync(
            db.Articles.Published().Where(a => a.Bylines.Any(b => b.WriterId == writer.Id)), before, IndexModel.PageSize, cancellationToken);
        List = new StoryListView(stories, older is null ? null : $"{ArticlePaths.Writer(writer.Slug)}?before={older}", site.Zone);
        return Page();
    }
}
