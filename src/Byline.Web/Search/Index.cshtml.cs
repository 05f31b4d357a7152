using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Search;

/// <summary>
/// The site search page: a GET form (so results have addresses to share and go back to) and a page of results. Not
/// cached: every query is different, and the index answers in milliseconds.
/// </summary>
public sealed class SearchPageModel(BylineDbContext db, SiteSearch search, SiteSettingsStore settings) : PageModel
{
    public SearchInput Input { get; private set; } = new(null);
    public SearchInput.Error? Error { get; private set; }
    public SearchResults? Results { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Writers { get; private set; } = [];

    public string? PageHref(int page) => page < 1 ? null : $"/search?{Input.QueryString(page)}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Read from the query string itself: "page" is also Razor Pages' own route value (this page's path).
        string? Get(string name) => Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
        var site = await settings.GetAsync(cancellationToken);
        Zone = site.Zone;
        Sections = site.Sections;
        Writers = (await db.Writers.AsNoTracking().OrderBy(w => w.DisplayName).Select(w => new { w.Slug, w.DisplayName }).ToListAsync(cancellationToken))
            .Select(w => (w.Slug, w.DisplayName)).ToList();
        Input = new SearchInput(Get("q"), Get("type"), Get("section"), Get("writer"), Get("from"), Get("to"), Get("sort"), Get("page"));
        if (Request.Query.Count == 0)
        {
            return;
        }
        var (value, error) = await Input.CheckAsync(db, Zone, cancellationToken);
        if (error is not null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Results = await search.SearchAsync(value!.Request, value.Page, cancellationToken);
    }
}
