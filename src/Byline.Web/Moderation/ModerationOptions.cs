namespace Byline.Web.Moderation;

/// <summary>
/// The "Byline:Moderation" configuration section: the operator's limits on posting (the editorial policy itself is
/// in the site settings, edited at /moderation/policy).
/// </summary>
public sealed class ModerationOptions
{
    public const string SectionName = "Byline:Moderation";

    /// <summary>A form posted sooner than this after the page was rendered is held: people take longer to write.</summary>
    public double MinSecondsToSubmit { get; set; } = 3;

    /// <summary>Comments a signed-in account may post in a burst, and how fast that allowance comes back.</summary>
    public int AccountBurst { get; set; } = 5;
    public double AccountRefillSeconds { get; set; } = 20;

    /// <summary>The same for guests, per client address: tighter, as a guest costs nothing to be.</summary>
    public int GuestBurst { get; set; } = 3;
    public double GuestRefillSeconds { get; set; } = 60;

    /// <summary>Every comment from one client address, signed in or not (a newsroom behind one NAT posts a lot).</summary>
    public int AddressBurst { get; set; } = 20;
    public double AddressRefillSeconds { get; set; } = 6;

    /// <summary>The same text (30 characters or more) posted again anywhere on the site within this window is held.</summary>
    public double DuplicateWindowHours { get; set; } = 24;
}
