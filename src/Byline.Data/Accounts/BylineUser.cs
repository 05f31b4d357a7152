using Microsoft.AspNetCore.Identity;

namespace Byline.Data.Accounts;

/// <summary>A registered account. Every account may comment (the reader role); staff roles are Identity roles.</summary>
public sealed class BylineUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public string Bio { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set for generated passwords (the first admin, `byline user add`): the next sign-in must choose a new one.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The writer page this account appears under as a byline; set when the account gets a staff role.</summary>
    public int? WriterId { get; set; }

    /// <summary>Until when the account may not comment; <see cref="PermanentBan"/> for ever. Null: not banned.</summary>
    public DateTimeOffset? BannedUntil { get; set; }
    public string? BanReason { get; set; }

    /// <summary>Notify me when someone replies to my comments (on the site, and by email when <see cref="EmailNotifications"/>).</summary>
    public bool NotifyOnReply { get; set; } = true;

    /// <summary>Notify me when someone @mentions me.</summary>
    public bool NotifyOnMention { get; set; } = true;

    /// <summary>Notify me of new responses in inline-feedback threads I took part in.</summary>
    public bool NotifyOnPassage { get; set; } = true;

    /// <summary>Staff with a writer page: a digest of new comments on my stories.</summary>
    public bool NotifyOnMyStories { get; set; } = true;

    /// <summary>Send my notifications by email too (grouped per story), not only on the site.</summary>
    public bool EmailNotifications { get; set; } = true;

    /// <summary>How I last chose to sort discussions ("newest", "oldest", "top"); null for the site's default.</summary>
    public string? DiscussionSort { get; set; }

    public static readonly DateTimeOffset PermanentBan = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public bool IsBanned(DateTimeOffset now) => BannedUntil is { } until && until > now;
}
