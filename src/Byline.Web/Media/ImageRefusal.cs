namespace Byline.Web.Media;

/// <summary>Why uploaded bytes did not become an image. Dimensions are those the header claimed, when it was read.</summary>
public sealed record ImageRefusal(ImageRefusal.Reason Why, int Width = 0, int Height = 0)
{
    public enum Reason
    {
        Empty,

        /// <summary>Not JPEG, PNG, WebP or GIF: text, HTML, SVG, another image format, or a header no decoder accepts.</summary>
        NotAnImage,

        /// <summary>The header claims more pixels than Byline decodes (a decompression bomb, or simply too large).</summary>
        TooManyPixels,

        /// <summary>Truncated or corrupt image data.</summary>
        Damaged,
    }
}
