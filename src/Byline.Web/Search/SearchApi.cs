using Byline.Data;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byline.Web.Search;

/// <summary>`GET /api/v1/search`: the site search for programs, with the same parameters as the /search page.</summary>
public static class SearchApi
{
    public sealed record HighlightDto(int Start, int Length);

    public sealed record SnippetDto(string Text, IReadOnlyList<HighlightDto> Highlights);

    public sealed record WriterDto(string Name, string Url);

    public sealed record HitDto(
        string Type, string Headline, string Url, string StoryUrl, string Section, DateTimeOffset At, IReadOnlyList<WriterDto> Writers,
        string Language, SnippetDto Snippet, long? CommentId, string? Author);

    public sealed record PageDto(string Query, int Page, IReadOnlyList<HitDto> Results, string? Next);

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/search", SearchAsync).WithName("Search").WithTags("Search")
            .WithSummary("Full-text search of published stories and approved comments, best first. Parameters: q (required), " +
                "type (all | stories | comments), section and writer (slugs), from and to (yyyy-mm-dd, site time), sort " +
                "(relevance | newest), page (1–50). Snippet highlights are UTF-16 offsets into the snippet's text.");
        return app;
    }

    public static async Task<Results<Ok<PageDto>, ProblemHttpResult>> SearchAsync(
        string? q, string? type, string? section, string? writer, string? from, string? to, string? sort, string? page,
        BylineDbContext db, SiteSearch search, SiteSettingsStore settings, SiteLinks links, CancellationToken cancellationToken)
    {
        var input = new SearchInput(q, type, section, writer, from, to, sort, page);
        var zone = (await settings.GetAsync(cancellationToken)).Zone;
        var (value, error) = await input.CheckAsync(db, zone, cancellationToken);
        if (error is not null)
        {
            return Problems.Create(400, "invalid-search", error.Message, error.Field);
        }
        var results = await search.SearchAsync(value!.Request, value.Page, cancellationToken);
        var hits = results.Hits.Select(h => new HitDto(
            h.Kind == SearchKind.Stories ? "story" : "comment", h.Headline, links.Absolute(h.Path), links.Absolute(h.StoryPath), h.SectionName, h.At,
            [.. h.Writers.Select(w => new WriterDto(w.Name, links.Absolute(w.Path)))], h.Language,
            new SnippetDto(h.Snippet.Text, [.. h.Snippet.Highlights.Select(x => new HighlightDto(x.Start, x.Length))]),
            h.CommentId, h.CommentAuthor)).ToList();
        var next = results.HasMore ? links.Absolute($"/api/v1/search?{input.QueryString(results.Page + 1)}") : null;
        return TypedResults.Ok(new PageDto(value.Request.Query, results.Page, hits, next));
    }
}
