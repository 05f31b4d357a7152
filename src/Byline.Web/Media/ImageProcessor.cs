using SkiaSharp;

namespace Byline.Web.Media;

/// <summary>
/// Turns uploaded bytes into renditions, or refuses them. Nothing about the upload is trusted: the format comes from
/// the bytes, the size from the header, which is checked before a single pixel is decoded (a few hundred bytes of PNG
/// can claim 10 gigapixels), and only fully decoded images are accepted.
/// </summary>
public sealed class ImageProcessor : IDisposable
{
    public const int MaxSide = 12_000;
    public const long MaxPixels = 40_000_000;

    /// <summary>
    /// A decoded image takes up to 160 MB (40 megapixels × 4 bytes) plus its renditions; bounding how many are decoded
    /// at once bounds the memory a burst of uploads can take.
    /// </summary>
    private readonly SemaphoreSlim decoders = new(Math.Max(1, Environment.ProcessorCount / 2));

    public async Task<(ProcessedImage? Image, ImageRefusal? Refusal)> ProcessAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await decoders.WaitAsync(cancellationToken);
        try
        {
            return Process(bytes);
        }
        finally
        {
            decoders.Release();
        }
    }

    public static (ProcessedImage? Image, ImageRefusal? Refusal) Process(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return (null, new(ImageRefusal.Reason.Empty));
        }
        if (ImageFormats.Sniff(bytes) is not { } format)
        {
            return (null, new(ImageRefusal.Reason.NotAnImage));
        }

        using var data = SKData.CreateCopy(bytes);
        // The codec owns the stream it is given and frees it, also when it fails.
        using var codec = SKCodec.Create(new SKMemoryStream(data), out var opened);
        if (codec is null)
        {
            return (null, new(opened is SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput
                ? ImageRefusal.Reason.Damaged
                : ImageRefusal.Reason.NotAnImage));
        }
        if (codec.EncodedFormat != format || !ImageFormats.Accepted.Contains(codec.EncodedFormat))
        {
            return (null, new(ImageRefusal.Reason.NotAnImage));
        }

        // The header only, so far.
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
        {
            return (null, new(ImageRefusal.Reason.Damaged));
        }
        if (width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
        {
            return (null, new(ImageRefusal.Reason.TooManyPixels, width, height));
        }

        var swap = Orientation.SwapsSides(codec.EncodedOrigin);
        var (uprightWidth, uprightHeight) = swap ? (height, width) : (width, height);
        var size = DecodeSize(codec, uprightWidth, swap);
        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(info);
        // An animated GIF or WebP keeps its first frame (frame 0 is the default).
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            // IncompleteInput: truncated; the rest: corrupt. Skia fills what it could not read; Byline keeps none of it.
            return (null, new(ImageRefusal.Reason.Damaged, width, height));
        }

        using var turned = Orientation.Apply(decoded, codec.EncodedOrigin);
        var upright = turned ?? decoded;
        return (new ProcessedImage(uprightWidth, uprightHeight, Renditions.Encode(upright)), null);
    }

    /// <summary>
    /// JPEG and WebP decoders can scale while decoding (JPEG in the DCT, by eighths), which is several times faster and
    /// smaller than decoding every pixel and scaling down after: a 12-megapixel photo decodes at half size. The size is
    /// the smallest the decoder offers that still covers the largest rendition; otherwise the full size.
    /// </summary>
    private static SKSizeI DecodeSize(SKCodec codec, int uprightWidth, bool swap)
    {
        var largest = Renditions.StandardWidths[^1];
        var full = new SKSizeI(codec.Info.Width, codec.Info.Height);
        if (uprightWidth <= largest)
        {
            return full;
        }
        var scaled = codec.GetScaledDimensions((float)largest / uprightWidth);
        var scaledUprightWidth = swap ? scaled.Height : scaled.Width;
        return scaledUprightWidth >= largest && scaled.Width <= full.Width && scaled.Height <= full.Height ? scaled : full;
    }

    public void Dispose() => decoders.Dispose();
}
