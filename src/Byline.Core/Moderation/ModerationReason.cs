namespace Byline.Core.Moderation;

/// <summary>
/// One reason to hold a comment, with its weight toward <see cref="ModerationVerdict.HoldAt"/> and what triggered it.
/// Printed as "suspect-word:捐款", "classifier:0.93", "link-count:3", or the code alone without a detail.
/// </summary>
public sealed record ModerationReason(string Code, double Weight, string? Detail = null)
{
    public const string LinkCount = "link-count";
    public const string ChatLink = "chat-link";
    public const string SuspectWord = "suspect-word";
    public const string BannedWord = "banned-word";
    public const string LanguageMismatch = "language-mismatch";
    public const string Classifier = "classifier";
    public const string FirstComment = "first-comment";
    public const string Duplicate = "duplicate";
    public const string TooFast = "too-fast";
    public const string Honeypot = "honeypot";
    public const string Flagged = "flagged";
    public const string PreModeration = "pre-moderation";

    public override string ToString() => Detail is null ? Code : Code + ":" + Detail;
}

/// <summary>Reasons add up; a comment is held for a moderator when their weights reach <see cref="HoldAt"/>.</summary>
public static class ModerationVerdict
{
    public const double HoldAt = 1.0;

    // Weights such as 0.6 + 0.4 are not exact in binary; a hair of tolerance keeps "adds up to 1" meaning 1.
    private const double Tolerance = 1e-9;

    public static bool Holds(IEnumerable<ModerationReason> reasons) => reasons.Sum(r => r.Weight) >= HoldAt - Tolerance;
}
