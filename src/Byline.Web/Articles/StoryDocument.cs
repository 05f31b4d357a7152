using Byline.Data.Articles;

namespace Byline.Web.Articles;

/// <summary>A story as a writer hands it in: front matter values plus the Markdown body, validated but not yet stored.</summary>
public sealed record StoryDocument
{
    public required string Headline { get; init; }
    public required string Slug { get; init; }
    public string? Standfirst { get; init; }
    public required IReadOnlyList<string> Writers { get; init; }
    public required DateTimeOffset Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public required string SectionName { get; init; }
    public required string SectionSlug { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string Language { get; init; } = "en";
    public SourceCitation? Source { get; init; }
    public DisclaimerMode DisclaimerMode { get; init; } = DisclaimerMode.SiteDefault;
    public string? DisclaimerText { get; init; }
    public bool CommentsOpen { get; init; } = true;
    public required string Body { get; init; }
}
