namespace Byline.Data.Articles;

public sealed class Article
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Headline { get; set; }
    public string? Standfirst { get; set; }
    public required string BodyMarkdown { get; set; }

    /// <summary>Rendered once at write time so that reads never run Markdown.</summary>
    public required string BodyHtml { get; set; }

    /// <summary>BCP 47 tag, e.g. "en" or "zh-Hans".</summary>
    public string Language { get; set; } = "en";

    public int SectionId { get; set; }
    public Section Section { get; set; } = null!;
    public List<string> Tags { get; set; } = [];
    public List<ArticleByline> Bylines { get; set; } = [];

    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    public SourceCitation? Source { get; set; }
    public DisclaimerMode DisclaimerMode { get; set; } = DisclaimerMode.SiteDefault;
    public string? DisclaimerText { get; set; }

    public bool CommentsOpen { get; set; } = true;

    /// <summary>Visible comments without a passage anchor; kept in the same transaction as each insert.</summary>
    public int CommentCount { get; set; }

    /// <summary>Visible passage-anchored comments (inline feedback).</summary>
    public int InlineFeedbackCount { get; set; }

    /// <summary>
    /// Bumped, in the same transaction, by every change that shows on the story page (an edit, a new visible comment),
    /// so that rendered fragments keyed by it are never stale on any node.
    /// </summary>
    public long Version { get; set; } = 1;

    public bool AreCommentsOpen() => CommentsOpen;
}
