namespace Byline.Web.Site;

public sealed record StoryListView(IReadOnlyList<StorySummary> Stories, string? OlderHref, TimeZoneInfo Zone);
