namespace Byline.Data.Site;

/// <summary>The site's editable settings: a single row with <see cref="SingletonId"/>.</summary>
public sealed class SiteSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string SiteName { get; set; } = "Byline";
    public string DefaultDisclaimer { get; set; } =
        "Reader comments are the views of their authors, not of this newsroom.";

    /// <summary>One or two sentences about the site: the front page's description, the feeds' and search engines'.</summary>
    public string SiteDescription { get; set; } = "News and reader discussion.";

    /// <summary>
    /// The site's card image (an uploaded image): shown by social cards and feed readers when a story has no lead
    /// image, and the publisher's logo in structured data. Null: the built-in one.
    /// </summary>
    public int? SiteImageId { get; set; }

    /// <summary>Whether feed entries carry the story's full text; otherwise the standfirst (summary) only.</summary>
    public bool FeedFullContent { get; set; } = true;

    /// <summary>IANA time zone id used to display dates.</summary>
    public string TimeZone { get; set; } = "UTC";

    public bool GuestCommentsAllowed { get; set; } = true;

    /// <summary>Deepest reply level; deeper replies attach to the deepest allowed ancestor.</summary>
    public int MaxThreadDepth { get; set; } = 4;

    /// <summary>How long after posting an author may still edit a comment. 0: comments cannot be edited.</summary>
    public int EditWindowMinutes { get; set; } = 15;

    /// <summary>Whether readers may vote comments down as well as up.</summary>
    public bool DownVotesEnabled { get; set; }

    /// <summary>Whose comments wait for a moderator whatever the checks say.</summary>
    public PreModeration PreModeration { get; set; } = PreModeration.Nobody;

    /// <summary>A comment with more links than this is held.</summary>
    public int MaxLinks { get; set; } = 2;

    /// <summary>One term per line: a comment containing one is rejected.</summary>
    public string BannedWords { get; set; } = "";

    /// <summary>One term per line: a comment containing one is held for review.</summary>
    public string SuspectWords { get; set; } = DefaultSuspectWords;

    /// <summary>The classifier's spam probability at or above which a comment is held.</summary>
    public double ClassifierThreshold { get; set; } = 0.9;

    /// <summary>Flag weight at which an approved comment goes back to pending (a trusted reader's flag weighs 2).</summary>
    public double FlagThreshold { get; set; } = 3;

    /// <summary>Approved comments after which an account is trusted: it skips pre-moderation and its flags weigh more. 0: never.</summary>
    public int TrustAfterApproved { get; set; } = 3;

    /// <summary>
    /// Solicitation and off-site recruiting, the commonest junk under news stories, in the languages of the demo site.
    /// A starting point the site's admins edit.
    /// </summary>
    public const string DefaultSuspectWords = """
        donation receipt
        donation receipts
        send your receipt
        join our group
        join our channel
        work from home
        guaranteed income
        crypto giveaway
        捐款收据
        捐款收據
        收据
        收據
        加群
        进群
        入群
        加入我们的群
        群聊
        寄付の領収書
        グループに参加
        إيصال التبرع
        انضم إلى مجموعتنا
        recibo de donación
        únete a nuestro grupo
        reçu de don
        rejoignez notre groupe
        spendenquittung
        """;
}

public enum PreModeration
{
    Nobody = 0,
    Guests = 1,

    /// <summary>Guests, and accounts without an approved comment yet.</summary>
    FirstTime = 2,
    Everyone = 3,
}
