namespace Byline.Web.Site.Discoverability;

/// <summary>An image as social cards and structured data name it: an absolute URL, its pixel size and its text alternative.</summary>
public sealed record CardImage(string Url, int Width, int Height, string Alt);
