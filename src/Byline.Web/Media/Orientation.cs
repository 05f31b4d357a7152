using SkiaSharp;

namespace Byline.Web.Media;

/// <summary>
/// Turns a decoded picture upright as its EXIF orientation says. Cameras store pixels as the sensor saw them and a tag
/// saying how to turn them; the re-encoded renditions carry no tag, so the turn must be in the pixels.
/// </summary>
public static class Orientation
{
    public static bool SwapsSides(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>A new, upright bitmap; null when the picture is upright already.</summary>
    public static SKBitmap? Apply(SKBitmap source, SKEncodedOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return null;
        }
        var (w, h) = (source.Width, source.Height);
        var swap = SwapsSides(origin);
        var upright = new SKBitmap(source.Info.WithSize(swap ? h : w, swap ? w : h));
        using var canvas = new SKCanvas(upright);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(Transform(origin, w, h));
        // Quarter turns and mirrors with whole-pixel offsets map pixels exactly: no resampling.
        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        return upright;
    }

    /// <summary>Where a stored pixel (x, y) of a w × h picture is shown: x' = a·x + b·y + c, y' = d·x + e·y + f.</summary>
    private static SKMatrix Transform(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
