using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Site;

/// <summary>
/// Every correction, update and clarification on a published story, newest first, keyset-paged. A list of the site's
/// stories like the fronts, so a new entry evicts it with them.
/// </summary>
[CachedPage(Tags = [CacheTags.Fronts])]
public sealed class CorrectionsListModel(BylineDbContext db, SiteSettingsStore settings) : PageModel
{
    public const int PageSize = 25;
    public const string Path = "/corrections";

    public sealed record Item(int Id, CorrectionKind Kind, string Text, DateTimeOffset At, string Headline, string StoryPath, string Language);

    public IReadOnlyList<Item> Items { get; private set; } = [];
    public string? OlderHref { get; private set; }
    public bool IsFirstPage { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(string? before, CancellationToken cancellationToken)
    {
        var entries = from c in db.ArticleCorrections
                      join a in db.Articles.Published() on c.ArticleId equals a.Id
                      select new { c.Id, c.Kind, c.Text, c.CreatedAt, a.Headline, a.Slug, SectionSlug = a.Section.Slug, a.Language };
        if (before is not null)
        {
            if (!KeysetCursor.TryParse(before, out var cursor))
            {
                return BadRequest();
            }
            entries = entries.Where(e => e.CreatedAt < cursor.At || (e.CreatedAt == cursor.At && e.Id < cursor.Id));
        }
        var rows = await entries
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        Items = [.. rows.Take(PageSize).Select(r => new Item(r.Id, r.Kind, r.Text, r.CreatedAt, r.Headline, ArticlePaths.Story(r.SectionSlug, r.Slug), r.Language))];
        OlderHref = rows.Count > PageSize ? $"{Path}?before={new KeysetCursor(Items[^1].At, Items[^1].Id)}" : null;
        IsFirstPage = before is null;
        Zone = (await settings.GetAsync(cancellationToken)).Zone;
        return Page();
    }
}
