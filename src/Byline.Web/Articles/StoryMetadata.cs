using Byline.Data.Articles;
using Byline.Web.Media;

namespace Byline.Web.Articles;

/// <summary>
/// What search engines and social cards are told about a story: taken from the story the page renders and kept with
/// its rendered fragments, so a page served from them needs no further query.
/// </summary>
public sealed record StoryMetadata(
    string Headline,
    string? Standfirst,
    string Language,
    ArticleType Type,
    string Path,
    string SectionName,
    IReadOnlyList<string> Tags,
    DateTimeOffset PublishedAt,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<StoryMetadata.Author> Authors,
    StoryMetadata.Image? LeadImage,
    SourceCitation? Source,
    IReadOnlyList<StoryMetadata.Correction> Corrections)
{
    public sealed record Author(string Name, string Path);

    /// <param name="Largest">The largest JPEG rendition, which the card crops are cut from.</param>
    public sealed record Image(string Key, string Alt, RenditionSize Largest);

    public sealed record Correction(CorrectionKind Kind, string Text, DateTimeOffset At);

    public DateTimeOffset ModifiedAt => UpdatedAt ?? PublishedAt;

    /// <summary>A rough size in bytes, for the fragment cache's budget.</summary>
    public int EstimatedBytes =>
        sizeof(char) * (Headline.Length + (Standfirst?.Length ?? 0) + Path.Length + SectionName.Length
            + Tags.Sum(t => t.Length) + Authors.Sum(a => a.Name.Length + a.Path.Length) + Corrections.Sum(c => c.Text.Length)
            + (Source is null ? 0 : Source.Outlet.Length + Source.OriginalTitle.Length + (Source.Url?.Length ?? 0))) + 512;

    /// <param name="article">Loaded with its section, bylines (in order) and corrections, as <see cref="StoryQuery"/> does.</param>
    public static StoryMetadata From(Article article, LeadImage? leadImage)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new StoryMetadata(
            article.Headline,
            string.IsNullOrWhiteSpace(article.Standfirst) ? null : article.Standfirst,
            article.Language,
            article.Type,
            ArticlePaths.Story(article.Section.Slug, article.Slug),
            article.Section.Name,
            [.. article.Tags],
            article.PublishedAt ?? article.CreatedAt,
            article.UpdatedAt,
            [.. article.Bylines.OrderBy(b => b.Position).Select(b => new Author(b.Writer.DisplayName, ArticlePaths.Writer(b.Writer.Slug)))],
            leadImage is null ? null : new Image(leadImage.Key, leadImage.Alt, leadImage.Sizes.MaxBy(s => s.Width)!),
            article.Source,
            [.. article.Corrections.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => new Correction(c.Kind, c.Text, c.CreatedAt))]);
    }
}
