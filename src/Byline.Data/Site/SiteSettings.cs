namespace Byline.Data.Site;

/// <summary>The site's editable settings: a single row with <see cref="SingletonId"/>.</summary>
public sealed class SiteSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string SiteName { get; set; } = "Byline";
    public string DefaultDisclaimer { get; set; } =
        "Reader comments are the views of their authors, not of this newsroom.";

    /// <summary>IANA time zone id used to display dates.</summary>
    public string TimeZone { get; set; } = "UTC";

    public bool GuestCommentsAllowed { get; set; } = true;

    /// <summary>Deepest reply level; deeper replies attach to the deepest allowed ancestor.</summary>
    public int MaxThreadDepth { get; set; } = 4;
}
