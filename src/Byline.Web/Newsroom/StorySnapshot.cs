using System.Text.Json;
using Byline.Data.Articles;

namespace Byline.Web.Newsroom;

/// <summary>
/// Everything a writer or editor edits on a story, as one value: what a revision stores and what restoring brings back.
/// Workflow state, counters and publication times are not content and are never part of it.
/// </summary>
public sealed record StorySnapshot(
    string Headline,
    string? Standfirst,
    string Slug,
    int SectionId,
    IReadOnlyList<string> Tags,
    IReadOnlyList<int> WriterIds,
    string Language,
    string BodyMarkdown,
    ArticleType Type,
    SourceCitation? Source,
    DisclaimerMode DisclaimerMode,
    string? DisclaimerText,
    bool CommentsOpen,
    int? LeadImageId)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The story's current content; its bylines must be loaded.</summary>
    public static StorySnapshot Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(
            article.Headline,
            article.Standfirst,
            article.Slug,
            article.SectionId,
            [.. article.Tags],
            [.. article.Bylines.OrderBy(b => b.Position).Select(b => b.WriterId)],
            article.Language,
            article.BodyMarkdown,
            article.Type,
            article.Source,
            article.DisclaimerMode,
            article.DisclaimerText,
            article.CommentsOpen,
            article.LeadImageId);
    }

    /// <summary>
    /// Writes this content onto the story (bylines must be loaded; the caller renders the body HTML, since rendering
    /// belongs to the save, not to the snapshot).
    /// </summary>
    public void ApplyTo(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        article.Headline = Headline;
        article.Standfirst = Standfirst;
        article.Slug = Slug;
        article.SectionId = SectionId;
        article.Tags = [.. Tags];
        article.Language = Language;
        article.BodyMarkdown = BodyMarkdown;
        article.Type = Type;
        article.Source = Source;
        article.DisclaimerMode = DisclaimerMode;
        article.DisclaimerText = DisclaimerText;
        article.CommentsOpen = CommentsOpen;
        article.LeadImageId = LeadImageId;
        // A byline's key is (story, position): rows at positions both lists have are updated in place, so one save never
        // deletes and re-inserts a row with the same key (which EF cannot order).
        var existing = article.Bylines.OrderBy(b => b.Position).ToList();
        var nextPosition = existing.Count == 0 ? 0 : existing[^1].Position + 1;
        for (var i = 0; i < WriterIds.Count; i++)
        {
            if (i < existing.Count)
            {
                existing[i].WriterId = WriterIds[i];
            }
            else
            {
                article.Bylines.Add(new ArticleByline { ArticleId = article.Id, WriterId = WriterIds[i], Position = nextPosition++ });
            }
        }
        foreach (var extra in existing.Skip(WriterIds.Count))
        {
            article.Bylines.Remove(extra);
        }
    }

    /// <summary>The fields a revision keeps as JSON (all but headline, standfirst and body, which are columns).</summary>
    public string FieldsJson() => JsonSerializer.Serialize(this with { Headline = "", Standfirst = null, BodyMarkdown = "" }, Json);

    public static StorySnapshot FromRevision(ArticleRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var fields = JsonSerializer.Deserialize<StorySnapshot>(revision.Fields, Json)
            ?? throw new InvalidDataException($"Revision {revision.Id} has no fields.");
        return fields with { Headline = revision.Headline, Standfirst = revision.Standfirst, BodyMarkdown = revision.BodyMarkdown };
    }

    public bool SameContentAs(StorySnapshot other) =>
        other is not null && FieldsJson() == other.FieldsJson()
        && Headline == other.Headline && Standfirst == other.Standfirst && BodyMarkdown == other.BodyMarkdown;
}
