using System.Globalization;
using Byline.Core.Search;
using Byline.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Search;

/// <summary>
/// The search form's and the API's parameters as typed (all strings, so nothing a client sends fails binding), and
/// their checking into a <see cref="SearchRequest"/> or an error naming the parameter.
/// </summary>
public sealed record SearchInput(
    string? Q, string? Type = null, string? Section = null, string? Writer = null, string? From = null, string? To = null,
    string? Sort = null, string? Page = null)
{
    public const int MaxQueryLength = 200;

    public sealed record Error(string Field, string Message);

    public sealed record Checked(SearchRequest Request, int Page);

    /// <summary>The request, or the first problem with the input. Dates are whole days in the site's time zone.</summary>
    public async Task<(Checked? Value, Error? Error)> CheckAsync(BylineDbContext db, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = (Q ?? "").Trim();
        if (query.Length == 0)
        {
            return (null, new Error("q", "Type what to search for."));
        }
        if (query.Length > MaxQueryLength)
        {
            return (null, new Error("q", $"A search can be at most {MaxQueryLength} characters long."));
        }
        var terms = SearchText.QueryTerms(query);
        if (terms.Count == 0)
        {
            return (null, new Error("q", "Search for at least one word: common words such as “the” are not indexed."));
        }
        SearchKind kind;
        switch (Type?.Trim().ToLowerInvariant())
        {
            case null or "" or "all": kind = SearchKind.All; break;
            case "stories" or "story": kind = SearchKind.Stories; break;
            case "comments" or "comment": kind = SearchKind.Comments; break;
            default: return (null, new Error("type", "'type' is one of all, stories or comments."));
        }
        SearchOrder order;
        switch (Sort?.Trim().ToLowerInvariant())
        {
            case null or "" or "relevance": order = SearchOrder.Relevance; break;
            case "newest": order = SearchOrder.Newest; break;
            default: return (null, new Error("sort", "'sort' is relevance or newest."));
        }
        var page = 1;
        if (!string.IsNullOrEmpty(Page)
            && (!int.TryParse(Page, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > SiteSearch.MaxPage))
        {
            return (null, new Error("page", $"'page' is a number from 1 to {SiteSearch.MaxPage}."));
        }
        var (from, fromError) = Day(From, "from", zone);
        if (fromError is not null)
        {
            return (null, fromError);
        }
        var (to, toError) = Day(To, "to", zone);
        if (toError is not null)
        {
            return (null, toError);
        }
        DateTimeOffset? until = to?.AddDays(1);
        if (from is not null && until is not null && from >= until)
        {
            return (null, new Error("to", "The end date is before the start date."));
        }

        int? sectionId = null;
        if (!string.IsNullOrWhiteSpace(Section))
        {
            var slug = Section.Trim();
            sectionId = await db.Sections.Where(s => s.Slug == slug).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (sectionId is null)
            {
                return (null, new Error("section", $"There is no section “{slug}”."));
            }
        }
        int? writerId = null;
        if (!string.IsNullOrWhiteSpace(Writer))
        {
            var slug = Writer.Trim();
            writerId = await db.Writers.Where(w => w.Slug == slug).Select(w => (int?)w.Id).FirstOrDefaultAsync(cancellationToken);
            if (writerId is null)
            {
                return (null, new Error("writer", $"There is no writer “{slug}”."));
            }
        }
        return (new Checked(new SearchRequest(query, terms, kind, sectionId, writerId, from, until, order), page), null);
    }

    /// <summary>The same search on another page, as query-string parameters (empty ones left out).</summary>
    public string QueryString(int page)
    {
        var parts = new List<string>();
        Add("q", Q);
        Add("type", Type);
        Add("section", Section);
        Add("writer", Writer);
        Add("from", From);
        Add("to", To);
        Add("sort", Sort);
        if (page > 1)
        {
            parts.Add($"page={page.ToString(CultureInfo.InvariantCulture)}");
        }
        return string.Join('&', parts);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }
    }

    /// <summary>The start of a day (yyyy-mm-dd) in the site's zone.</summary>
    private static (DateTimeOffset? Day, Error? Error) Day(string? text, string field, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (null, new Error(field, $"'{field}' is a date such as 2026-11-28."));
        }
        var local = day.ToDateTime(TimeOnly.MinValue);
        var offset = zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddHours(1)) : zone.GetUtcOffset(local);
        return (new DateTimeOffset(local, offset).ToUniversalTime(), null);
    }
}
