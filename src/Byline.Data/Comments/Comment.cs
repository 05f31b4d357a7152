namespace Byline.Data.Comments;

public sealed class Comment
{
    public long Id { get; set; }
    public int ArticleId { get; set; }

    public long? ParentId { get; set; }

    /// <summary>The top-level comment of this thread (null for a top-level comment), so a page of threads loads in one query.</summary>
    public long? RootId { get; set; }

    /// <summary>1 for a top-level comment.</summary>
    public int Depth { get; set; } = 1;

    /// <summary>The Identity user id of a signed-in author; null for a guest.</summary>
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }

    /// <summary>A guest's email; stored for the newsroom, never shown or returned by the API.</summary>
    public string? AuthorEmail { get; set; }

    public required string BodyMarkdown { get; set; }

    /// <summary>Sanitized HTML, rendered once at write time.</summary>
    public required string BodyHtml { get; set; }

    public string? Language { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public CommentStatus Status { get; set; } = CommentStatus.Approved;

    /// <summary>1 when posted, one more per edit: a moderation decision names the revision it was made on.</summary>
    public int Revision { get; set; } = 1;

    /// <summary>When <see cref="Status"/> last changed (the post itself, or a decision).</summary>
    public DateTimeOffset StatusChangedAt { get; set; }

    /// <summary>The reason given with the current status: a rejection's reason, shown to its author.</summary>
    public string? StatusNote { get; set; }

    /// <summary>The classifier's spam probability when the comment was last checked; null while the model was not ready.</summary>
    public double? SpamScore { get; set; }

    /// <summary>The features that weighed most in <see cref="SpamScore"/>, e.g. "h:t.me +2.1 c:捐款 +1.7", so moderators see why.</summary>
    public string? SpamExplanation { get; set; }

    /// <summary>A hash of the normalized body, to find the same text posted again across the site.</summary>
    public string? BodyHash { get; set; }

    /// <summary>What the classifier learned from this comment: null (nothing), "ham" or "spam".</summary>
    public string? TrainedAs { get; set; }

    /// <summary>The weight of unresolved reader flags.</summary>
    public double FlagWeight { get; set; }

    /// <summary>The author's note when they appealed a rejection (once).</summary>
    public string? AppealNote { get; set; }
    public DateTimeOffset? AppealedAt { get; set; }

    /// <summary>Readers' up votes and down votes, kept with each vote in the same transaction.</summary>
    public int UpVotes { get; set; }
    public int DownVotes { get; set; }

    /// <summary><see cref="UpVotes"/> minus <see cref="DownVotes"/>: what "most voted" sorts by.</summary>
    public int Score { get; set; }

    /// <summary>When an editor featured (pinned) it; null when not featured.</summary>
    public DateTimeOffset? FeaturedAt { get; set; }
    public string? FeaturedByUserId { get; set; }

    /// <summary>Why the checks held it, for moderators only.</summary>
    public List<CommentReason> Reasons { get; set; } = [];

    /// <summary>The passage this comment responds to, when it is inline feedback.</summary>
    public CommentAnchor? Anchor { get; set; }
}
