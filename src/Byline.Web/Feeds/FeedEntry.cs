using Byline.Data.Articles;

namespace Byline.Web.Feeds;

/// <summary>A published story as feeds carry it, with site-relative paths (made absolute when the feed is written).</summary>
public sealed record FeedEntry(
    int Id,
    string Path,
    string Headline,
    string? Standfirst,
    string BodyHtml,
    string Language,
    string SectionName,
    IReadOnlyList<string> Tags,
    IReadOnlyList<FeedEntry.Author> Authors,
    IReadOnlyList<FeedEntry.Correction> Corrections,
    DateTimeOffset Published,
    DateTimeOffset? Updated)
{
    public sealed record Author(string Name, string Path);

    public sealed record Correction(CorrectionKind Kind, string Text, DateTimeOffset At);

    /// <summary>The last change a reader can see: an edit, or a correction or update appended since.</summary>
    public DateTimeOffset LastChange => Corrections.Select(c => c.At).Append(Updated ?? Published).Append(Published).Max();

    /// <summary>The section first, then the newsroom's tags.</summary>
    public IEnumerable<string> Categories => Tags.Prepend(SectionName).Distinct(StringComparer.Ordinal);
}
