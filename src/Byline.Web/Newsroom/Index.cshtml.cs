using Byline.Data;
using Byline.Data.Accounts;
using Byline.Web.Accounts;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace Byline.Web.Newsroom;

/// <summary>/newsroom: the stories this person may work on, by state, searchable by headline.</summary>
public sealed class NewsroomIndexModel(BylineDbContext db, CurrentUser me, SiteSettingsStore settings) : NewsroomPage
{
    public StoryList.Filter Filter { get; private set; }
    public string? Search { get; private set; }
    public IReadOnlyList<StoryList.Item> Items { get; private set; } = [];
    public string? NextHref { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public bool IsEditor => me.IsIn(Roles.Editor);

    public async Task<IActionResult> OnGetAsync(string? show, string? q, string? after, CancellationToken cancellationToken)
    {
        Filter = StoryList.Parse(show);
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Zone = (await settings.GetAsync(cancellationToken)).Zone;
        var (items, next) = await StoryList.LoadAsync(db, me, Filter, Search, after, cancellationToken);
        Items = items;
        NextHref = next is null ? null : Href(Filter, Search, next);
        return Page();
    }

    public static string Href(StoryList.Filter filter, string? search, string? after = null)
    {
        var query = new List<string>();
        if (StoryList.Name(filter) is { } name)
        {
            query.Add("show=" + name);
        }
        if (search is not null)
        {
            query.Add("q=" + Uri.EscapeDataString(search));
        }
        if (after is not null)
        {
            query.Add("after=" + Uri.EscapeDataString(after));
        }
        return query.Count == 0 ? NewsroomPaths.Index : $"{NewsroomPaths.Index}?{string.Join('&', query)}";
    }
}
