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

    public async Task OnGetAsync(string? q, string? type, string? section, string? writer, string? from, string? to, string? sort, string? page, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        Zone = site.Zone;
        Sections = site.Sections;
        Writers = (await db.Writers.AsNoTracking().OrderBy(w => w.DisplayName).Select(w => new { w.Slug, w.DisplayName }).ToListAsync(cancellationToken))
            .Select(w => (w.Slug, w.DisplayName)).ToList();
        Input = new SearchInput(q, type, section, writer, from, to, sort, page);
        if (string.IsNullOrWhiteSpace(q) && Request.Query.Count == 0)
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
