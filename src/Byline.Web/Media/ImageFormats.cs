using SkiaSharp;

namespace Byline.Web.Media;

/// <summary>
/// The formats Byline accepts, told apart by their first bytes, never by the file name or the MIME type a client sends.
/// Only bytes that start like one of these reach a decoder at all, which keeps Skia's other decoders (BMP, ICO, WBMP,
/// HEIF, camera RAW) out of reach of uploads.
/// </summary>
public static class ImageFormats
{
    public static readonly IReadOnlySet<SKEncodedImageFormat> Accepted = new HashSet<SKEncodedImageFormat>
    {
        SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Webp, SKEncodedImageFormat.Gif,
    };

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return SKEncodedImageFormat.Jpeg;
        }
        if (bytes.StartsWith(PngSignature))
        {
            return SKEncodedImageFormat.Png;
        }
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return SKEncodedImageFormat.Gif;
        }
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return SKEncodedImageFormat.Webp;
        }
        return null;
    }
}
