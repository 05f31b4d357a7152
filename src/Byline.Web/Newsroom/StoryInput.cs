namespace Byline.Web.Newsroom;

/// <summary>
/// A story's editable content as a client sends it, before validation: the JSON body of the newsroom API and what
/// the editor form becomes. Every value may be missing or wrong; <see cref="StoryRules"/> says which.
/// </summary>
public sealed record StoryInput
{
    public string? Headline { get; init; }
    public string? Standfirst { get; init; }

    /// <summary>Empty: derived from the headline.</summary>
    public string? Slug { get; init; }
    public int? SectionId { get; init; }

    /// <summary>The name of a section to add and file the story under (editors only); wins over <see cref="SectionId"/>.</summary>
    public string? NewSection { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Credited writers in order. Empty on a new story: the author's own writer page.</summary>
    public IReadOnlyList<int>? WriterIds { get; init; }

    /// <summary>BCP 47; empty: "en".</summary>
    public string? Language { get; init; }

    /// <summary>News, Analysis, Opinion or Explainer; empty: News.</summary>
    public string? Type { get; init; }
    public string? Body { get; init; }
    public SourceInput? Source { get; init; }

    /// <summary>"default" (the site's), "custom" (<see cref="DisclaimerText"/>) or "none"; empty: default.</summary>
    public string? Disclaimer { get; init; }
    public string? DisclaimerText { get; init; }

    /// <summary>Empty: open.</summary>
    public bool? CommentsOpen { get; init; }
    public int? LeadImageId { get; init; }

    /// <summary>An optional note kept with the revision this save writes.</summary>
    public string? Note { get; init; }

    /// <summary>The revision the edit started from (required to update a story: the optimistic concurrency check).</summary>
    public int? Revision { get; init; }
}

/// <summary>The report a story is based on, as typed: all of outlet, title and date, or nothing.</summary>
public sealed record SourceInput
{
    public string? Outlet { get; init; }
    public string? Title { get; init; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? Date { get; init; }
    public string? Url { get; init; }

    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Outlet) && string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Date) && string.IsNullOrWhiteSpace(Url);
}
