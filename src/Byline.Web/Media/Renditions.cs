using SkiaSharp;

namespace Byline.Web.Media;

/// <summary>
/// The sizes a story page picks from with <c>srcset</c>, each as WebP and JPEG. Encoding starts from pixels only, so no
/// EXIF, GPS, XMP, comment or colour profile of the upload survives.
/// </summary>
public static class Renditions
{
    public static readonly IReadOnlyList<int> StandardWidths = [320, 640, 1024, 1600];
    public const int Quality = 82;

    /// <summary>
    /// The standard widths narrower than the picture, plus the picture's own width up to the largest standard one:
    /// never an upscale, always at least one rendition, and an 800-pixel photo keeps its 800 pixels.
    /// </summary>
    public static IReadOnlyList<int> WidthsFor(int width)
    {
        var largest = Math.Min(width, StandardWidths[^1]);
        return [.. StandardWidths.Where(w => w < largest), largest];
    }

    public static List<ProcessedImage.Rendition> Encode(SKBitmap upright)
    {
        ArgumentNullException.ThrowIfNull(upright);
        var renditions = new List<ProcessedImage.Rendition>();
        // Largest first, each smaller one scaled from the one before: every step is a small one.
        SKBitmap? previous = null;
        try
        {
            foreach (var width in WidthsFor(upright.Width).Reverse())
            {
                var height = Math.Max(1, (int)Math.Round(upright.Height * (double)width / upright.Width));
                var from = previous ?? upright;
                var scaled = width == from.Width ? null : Scale(from, width, height);
                var pixels = scaled ?? from;
                renditions.Add(new(width, pixels.Height, MediaPaths.Webp, Webp(pixels)));
                renditions.Add(new(width, pixels.Height, MediaPaths.Jpeg, Jpeg(pixels)));
                if (scaled is not null)
                {
                    previous?.Dispose();
                    previous = scaled;
                }
            }
        }
        finally
        {
            previous?.Dispose();
        }
        renditions.Reverse();
        return renditions;
    }

    /// <summary>
    /// Halves with a linear filter (an exact 2×2 average) while the target is at most half the size, then finishes with
    /// a cubic filter: one cubic step over a large ratio samples too few source pixels and shimmers.
    /// </summary>
    internal static SKBitmap Scale(SKBitmap source, int width, int height)
    {
        SKBitmap? step = null;
        try
        {
            var current = source;
            while (current.Width / 2 >= width && current.Height >= 2)
            {
                var half = current.Resize(current.Info.WithSize(current.Width / 2, current.Height / 2), new SKSamplingOptions(SKFilterMode.Linear))
                    ?? throw new InvalidOperationException("Skia could not scale an image.");
                step?.Dispose();
                step = half;
                current = half;
            }
            return current.Resize(current.Info.WithSize(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell))
                ?? throw new InvalidOperationException("Skia could not scale an image.");
        }
        finally
        {
            step?.Dispose();
        }
    }

    private static byte[] Webp(SKBitmap pixels)
    {
        using var bare = Bare(pixels);
        using var data = bare.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, Quality))
            ?? throw new InvalidOperationException("Skia could not encode WebP.");
        return data.ToArray();
    }

    internal static byte[] Jpeg(SKBitmap pixels)
    {
        // JPEG has no transparency: transparent parts show the page's usual white rather than black.
        using var flat = pixels.Info.AlphaType == SKAlphaType.Opaque ? null : OnWhite(pixels);
        using var bare = Bare(flat ?? pixels);
        using var data = bare.Encode(new SKJpegEncoderOptions(Quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new InvalidOperationException("Skia could not encode JPEG.");
        return data.ToArray();
    }

    private static SKBitmap OnWhite(SKBitmap pixels)
    {
        var flat = new SKBitmap(pixels.Info.WithAlphaType(SKAlphaType.Opaque));
        using var canvas = new SKCanvas(flat);
        canvas.Clear(SKColors.White);
        canvas.DrawBitmap(pixels, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        return flat;
    }

    /// <summary>
    /// The pixels (already converted to sRGB when decoded) without a colour space: the encoders then embed no ICC
    /// profile, and browsers read untagged images as sRGB.
    /// </summary>
    private static SKPixmap Bare(SKBitmap pixels) => new(pixels.Info.WithColorSpace(null), pixels.GetPixels(), pixels.RowBytes);
}
