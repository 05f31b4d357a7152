namespace Byline.Web.Site.Discoverability;

/// <summary>
/// The site's own card image and logo, used until an admin sets a site image. Drawn by scripts/draw-site-images.cs
/// (the favicon's "B" on its dark square); the sizes here are the files' sizes.
/// </summary>
public static class BuiltInImages
{
    /// <summary>The shape Open Graph and large Twitter cards show without cropping (1.91:1).</summary>
    public const string CardPath = "/images/byline-card.png";
    public const int CardWidth = 1200;
    public const int CardHeight = 630;

    /// <summary>Square, as search engines prefer a publisher's logo.</summary>
    public const string LogoPath = "/images/byline-logo.png";
    public const int LogoSize = 512;
}
