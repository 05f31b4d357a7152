namespace Byline.Web.Media;

/// <summary>The pixel size of one stored rendition (both formats of a width share it).</summary>
public sealed record RenditionSize(int Width, int Height);
