using Byline.Data.Comments;

namespace Byline.Web.Moderation;

/// <summary>What a moderator can do to a comment, and the state each action leads to.</summary>
public enum ModerationAction
{
    Approve,
    Reject,
    Spam,
}

public static class ModerationActions
{
    public static CommentStatus Target(this ModerationAction action) => action switch
    {
        ModerationAction.Approve => CommentStatus.Approved,
        ModerationAction.Reject => CommentStatus.Rejected,
        ModerationAction.Spam => CommentStatus.Spam,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static bool TryParse(string? value, out ModerationAction action)
    {
        (var ok, action) = value?.Trim().ToLowerInvariant() switch
        {
            "approve" => (true, ModerationAction.Approve),
            "reject" => (true, ModerationAction.Reject),
            "spam" => (true, ModerationAction.Spam),
            _ => (false, default),
        };
        return ok;
    }

    /// <summary>
    /// Whether a moderator may move a comment from <paramref name="from"/> with <paramref name="action"/>. An author's
    /// deletion is final; approving an approved comment is how a moderator keeps it after reader flags.
    /// </summary>
    public static bool Allows(this ModerationAction action, CommentStatus from, bool hasOpenFlags) =>
        from != CommentStatus.Deleted && (from != action.Target() || (action == ModerationAction.Approve && hasOpenFlags));

    /// <summary>What the classifier learns from a moderator's decision: approved is ham, rejected and spam are spam.</summary>
    public static string? TrainingLabel(CommentStatus status) => status switch
    {
        CommentStatus.Approved => "ham",
        CommentStatus.Rejected or CommentStatus.Spam => "spam",
        _ => null,
    };
}
