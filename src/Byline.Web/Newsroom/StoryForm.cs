using System.Globalization;
using Byline.Data.Articles;

namespace Byline.Web.Newsroom;

/// <summary>The editor form as posted: flat text fields, which become a <see cref="StoryInput"/> to validate.</summary>
public sealed class StoryForm
{
    /// <summary>The revision the editor was opened at (0 for a new story).</summary>
    public int Revision { get; set; }

    /// <summary>Set by "Save mine over theirs" after a conflict: the latest revision the writer has now seen.</summary>
    public int? Overwrite { get; set; }

    public string? Headline { get; set; }
    public string? Standfirst { get; set; }
    public string? Slug { get; set; }
    public int? SectionId { get; set; }
    public string? NewSection { get; set; }

    /// <summary>Comma-separated.</summary>
    public string? Tags { get; set; }

    /// <summary>One select per byline, in order; empty selects are skipped.</summary>
    public List<int?> Writers { get; set; } = [];
    public string? Language { get; set; }
    public string? Type { get; set; }
    public string? Body { get; set; }
    public string? SourceOutlet { get; set; }
    public string? SourceTitle { get; set; }
    public string? SourceDate { get; set; }
    public string? SourceUrl { get; set; }
    public string? Disclaimer { get; set; }
    public string? DisclaimerText { get; set; }

    /// <summary>"open" or "closed".</summary>
    public string? Comments { get; set; }
    public int? LeadImageId { get; set; }
    public string? Note { get; set; }

    public StoryInput ToInput() => new()
    {
        Headline = Headline,
        Standfirst = Standfirst,
        Slug = Slug,
        SectionId = SectionId,
        NewSection = NewSection,
        Tags = (Tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        WriterIds = [.. Writers.OfType<int>()],
        Language = Language,
        Type = Type,
        Body = Body,
        Source = new SourceInput { Outlet = SourceOutlet, Title = SourceTitle, Date = SourceDate, Url = SourceUrl },
        Disclaimer = Disclaimer,
        DisclaimerText = DisclaimerText,
        CommentsOpen = Comments != "closed",
        LeadImageId = LeadImageId,
        Note = Note,
        Revision = Overwrite ?? Revision,
    };

    /// <summary>The form for a story as stored.</summary>
    public static StoryForm From(Article story) => new()
    {
        Revision = story.Revision,
        Headline = story.Headline,
        Standfirst = story.Standfirst,
        Slug = story.Slug,
        SectionId = story.SectionId,
        Tags = string.Join(", ", story.Tags),
        Writers = [.. story.Bylines.OrderBy(b => b.Position).Select(b => (int?)b.WriterId)],
        Language = story.Language,
        Type = story.Type.ToString(),
        Body = story.BodyMarkdown,
        SourceOutlet = story.Source?.Outlet,
        SourceTitle = story.Source?.OriginalTitle,
        SourceDate = story.Source?.OriginalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        SourceUrl = story.Source?.Url,
        Disclaimer = StoryDto.DisclaimerName(story.DisclaimerMode),
        DisclaimerText = story.DisclaimerText,
        Comments = story.CommentsOpen ? "open" : "closed",
        LeadImageId = story.LeadImageId,
    };

    /// <summary>A blank story: credited to its author, in English, news, comments open.</summary>
    public static StoryForm Blank(int? writerId) => new()
    {
        Writers = writerId is { } id ? [id] : [],
        Language = "en",
        Type = nameof(ArticleType.News),
        Disclaimer = "default",
        Comments = "open",
    };
}
