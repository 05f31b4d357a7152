using Byline.Data.Articles;
using Byline.Data.Site;
using Byline.Web.Media;

namespace Byline.Web.Articles;

public sealed record ArticleDto(
    string Slug,
    string Url,
    string Headline,
    string? Standfirst,
    string Section,
    IReadOnlyList<ArticleDto.WriterRef> Writers,
    string Language,
    IReadOnlyList<string> Tags,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? UpdatedAt,
    string Html,
    ArticleDto.SourceRef? Source,
    string? Disclaimer,
    bool CommentsOpen,
    int CommentCount,
    int InlineFeedbackCount,
    IReadOnlyList<ArticleDto.CorrectionRef> Corrections,
    LeadImageDto? LeadImage)
{
    public sealed record WriterRef(string Slug, string Name, string Url);

    public sealed record SourceRef(string Outlet, string Title, DateOnly Date, string? Url, string Citation);

    /// <summary>A public correction, update or clarification; <c>kind</c> is "correction", "update" or "clarification".</summary>
    public sealed record CorrectionRef(string Kind, string Text, DateTimeOffset At);

    public static ArticleDto From(Article article, SiteSettings site, LeadImageDto? leadImage = null) => new(
        article.Slug,
        ArticlePaths.Story(article.Section.Slug, article.Slug),
        article.Headline,
        article.Standfirst,
        article.Section.Slug,
        article.Bylines.OrderBy(b => b.Position)
            .Select(b => new WriterRef(b.Writer.Slug, b.Writer.DisplayName, ArticlePaths.Writer(b.Writer.Slug))).ToList(),
        article.Language,
        article.Tags,
        article.PublishedAt,
        article.UpdatedAt,
        article.BodyHtml,
        article.Source is { } s ? new SourceRef(s.Outlet, s.OriginalTitle, s.OriginalDate, s.Url, CitationFormatter.Text(s)) : null,
        Disclaimers.For(article, site),
        article.CommentsOpen,
        article.CommentCount,
        article.InlineFeedbackCount,
        [.. article.Corrections.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CorrectionRef(Newsroom.CorrectionText.Code(c.Kind), c.Text, c.CreatedAt))],
        leadImage);
}
