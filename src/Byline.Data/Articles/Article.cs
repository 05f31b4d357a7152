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

    public ArticleState State { get; set; } = ArticleState.Draft;
    public ArticleType Type { get; set; } = ArticleType.News;

    /// <summary>First publication; kept through unpublish and republish. Null until the story is first published.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The last change readers can see (an edit after publication, a correction or update).</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>When a <see cref="ArticleState.Scheduled"/> story goes public (UTC).</summary>
    public DateTimeOffset? PublishAt { get; set; }
    public string? UnpublishedReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }

    /// <summary>
    /// The number of the latest <see cref="ArticleRevision"/>; also the optimistic concurrency token, so that two
    /// editors saving from the same revision cannot overwrite each other.
    /// </summary>
    public int Revision { get; set; }

    public int? LeadImageId { get; set; }
    public List<ArticleCorrection> Corrections { get; set; } = [];

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

    public bool IsPublic => State == ArticleState.Published;

    public bool AreCommentsOpen() => CommentsOpen && IsPublic;
}
