using Byline.Data.Accounts;
using Byline.Data.Notifications;

namespace Byline.Web.Notifications;

/// <summary>
/// The pure rules of who hears about a comment: which kinds an account wants (its settings), which kind wins when an
/// account has several reasons to hear (one notice per account per comment), and when the mail of a group may go.
/// </summary>
public static class NotificationRules
{
    /// <summary>At most one mail per reader per story in this window; later notices wait for the next mail.</summary>
    public static readonly TimeSpan MailWindow = TimeSpan.FromMinutes(10);

    /// <summary>A writer's notices of new comments on their stories are collected this long into one digest.</summary>
    public static readonly TimeSpan DigestDelay = TimeSpan.FromHours(1);

    /// <summary>Most personal first: a reply to you says more than a new comment on a story you follow.</summary>
    public static int Priority(NotificationKind kind) => kind switch
    {
        NotificationKind.Reply => 0,
        NotificationKind.Mention => 1,
        NotificationKind.Passage => 2,
        NotificationKind.Following => 3,
        NotificationKind.OnMyStory => 4,
        _ => 9,
    };

    /// <summary>Whether the account's settings let this kind through (following a story is itself the choice).</summary>
    public static bool Wants(BylineUser user, NotificationKind kind) => kind switch
    {
        NotificationKind.Reply => user.NotifyOnReply,
        NotificationKind.Mention => user.NotifyOnMention,
        NotificationKind.Passage => user.NotifyOnPassage,
        NotificationKind.OnMyStory => user.NotifyOnMyStories,
        NotificationKind.Following => true,
        _ => false,
    };

    /// <summary>The kind an account is told of, among its reasons, or null when its settings silence them all.</summary>
    public static NotificationKind? Choose(BylineUser user, IEnumerable<NotificationKind> reasons) =>
        reasons.Where(kind => Wants(user, kind)).OrderBy(Priority).Cast<NotificationKind?>().FirstOrDefault();

    /// <summary>Whether a notice may go by email: the account asks for it and has a confirmed address to send to.</summary>
    public static bool MayEmail(BylineUser user) => user.EmailNotifications && user.EmailConfirmed && !string.IsNullOrEmpty(user.Email);

    /// <summary>
    /// When the mail carrying a new notice may go: at once after a quiet period, else when the window since the last
    /// mail about the story closes; a writer's digest waits <see cref="DigestDelay"/> to collect comments.
    /// </summary>
    public static DateTimeOffset MailDue(NotificationKind kind, DateTimeOffset now, DateTimeOffset? lastMailed)
    {
        var due = kind == NotificationKind.OnMyStory ? now + DigestDelay : now;
        return lastMailed is { } last && last + MailWindow > due ? last + MailWindow : due;
    }

    public static string Describe(NotificationKind kind) => kind switch
    {
        NotificationKind.Reply => "replied to your comment",
        NotificationKind.Mention => "mentioned you",
        NotificationKind.Passage => "responded in a passage thread you took part in",
        NotificationKind.Following => "commented on a discussion you follow",
        NotificationKind.OnMyStory => "commented on your story",
        _ => "commented",
    };
}
