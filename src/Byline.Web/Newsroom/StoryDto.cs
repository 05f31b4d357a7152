using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Newsroom;

/// <summary>A story as the newsroom API shows it: everything <see cref="StoryInput"/> takes, plus its workflow state.</summary>
public sealed record StoryDto(
    int Id,
    string State,
    int Revision,
    string Headline,
    string? Standfirst,
    string Slug,
    string Path,
    int SectionId,
    string Section,
    IReadOnlyList<string> Tags,
    IReadOnlyList<int> WriterIds,
    string Language,
    string Type,
    string Body,
    SourceInput? Source,
    string Disclaimer,
    string? DisclaimerText,
    bool CommentsOpen,
    int? LeadImageId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? PublishAt)
{
    public static StoryDto From(Article story, Section section) => new(
        story.Id,
        story.State.ToString(),
        story.Revision,
        story.Headline,
        story.Standfirst,
        story.Slug,
        ArticlePaths.Story(section.Slug, story.Slug),
        section.Id,
        section.Slug,
        story.Tags,
        [.. story.Bylines.OrderBy(b => b.Position).Select(b => b.WriterId)],
        story.Language,
        story.Type.ToString(),
        story.BodyMarkdown,
        story.Source is { } source
            ? new SourceInput { Outlet = source.Outlet, Title = source.OriginalTitle, Date = source.OriginalDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Url = source.Url }
            : null,
        DisclaimerName(story.DisclaimerMode),
        story.DisclaimerText,
        story.CommentsOpen,
        story.LeadImageId,
        story.CreatedAt,
        story.PublishedAt,
        story.UpdatedAt,
        story.PublishAt);

    public static async Task<StoryDto> LoadAsync(BylineDbContext db, int id, CancellationToken cancellationToken)
    {
        var story = await db.Articles.AsNoTracking().Include(a => a.Section).Include(a => a.Bylines).FirstAsync(a => a.Id == id, cancellationToken);
        return From(story, story.Section);
    }

    /// <summary>The word <see cref="StoryInput.Disclaimer"/> takes for a mode.</summary>
    public static string DisclaimerName(DisclaimerMode mode) => mode switch
    {
        DisclaimerMode.Custom => "custom",
        DisclaimerMode.None => "none",
        _ => "default",
    };
}
