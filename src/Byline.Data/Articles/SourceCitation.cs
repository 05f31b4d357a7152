namespace Byline.Data.Articles;

/// <summary>The outside report a story is based on.</summary>
public sealed record SourceCitation
{
    public required string Outlet { get; init; }
    public required string OriginalTitle { get; init; }
    public required DateOnly OriginalDate { get; init; }
    public string? Url { get; init; }
}
