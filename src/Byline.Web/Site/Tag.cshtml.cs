using Byline.Data;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Byline.Web.Site;

/// <summary>The published stories with one tag, newest first. A tag no published story carries is not found.</summary>
[CachedPage(Tags = [CacheTags.Fronts])]
public sealed class TagModel(BylineDbContext db, SiteSettingsStore settings) : PageModel
{
    public string Tag { get; private set; } = "";
    public StoryListView List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string tag, string? before, CancellationToken cancellationToken)
    {
        Tag = ArticlePaths.TagFromRoute(tag);
        var name = Tag;
        var site = await settings.GetAsync(cancellationToken);
        var (stories, older) = await StorySummary.LoadAsync(
            db.Articles.Published().Where(a => a.Tags.Contains(name)), before, IndexModel.PageSize, cancellationToken);
        if (stories.Count == 0 && before is null)
        {
            return NotFound();
        }
        List = new StoryListView(stories, older is null ? null : $"{ArticlePaths.Tag(Tag)}?before={older}", site.Zone);
        return Page();
    }
}
