using Byline.Web.Media;
using SkiaSharp;

namespace Byline.Tests.Media;

public static class ImageAssert
{
    private static readonly string[] ImageChunks = ["VP8 ", "VP8L", "VP8X", "ALPH"];

    /// <summary>JPEG: no APPn segment but JFIF's APP0, no comment. WebP: no EXIF, XMP or ICC chunk.</summary>
    public static void NoMetadata(ProcessedImage.Rendition rendition)
    {
        var bytes = rendition.Bytes;
        if (rendition.ContentType == MediaPaths.Jpeg)
        {
            var i = 2;
            while (i + 4 <= bytes.Length && bytes[i] == 0xFF && bytes[i + 1] != 0xDA)
            {
                var marker = bytes[i + 1];
                Assert.False(marker is > 0xE0 and <= 0xEF or 0xFE, $"JPEG rendition has marker FF{marker:X2}");
                i += 2 + ((bytes[i + 2] << 8) | bytes[i + 3]);
            }
            Assert.True(i + 1 < bytes.Length && bytes[i + 1] == 0xDA, "JPEG rendition did not reach its image data");
        }
        else
        {
            Assert.True(bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8));
            for (var i = 12; i + 8 <= bytes.Length;)
            {
                var chunk = System.Text.Encoding.ASCII.GetString(bytes, i, 4);
                Assert.Contains(chunk, ImageChunks);
                var size = BitConverter.ToInt32(bytes, i + 4);
                i += 8 + size + (size & 1);
            }
        }
    }

    public static void Near(SKColor expected, SKColor actual, int tolerance = 40) =>
        Assert.True(
            Math.Abs(expected.Red - actual.Red) <= tolerance && Math.Abs(expected.Green - actual.Green) <= tolerance && Math.Abs(expected.Blue - actual.Blue) <= tolerance,
            $"Expected a colour near {expected} but found {actual}.");
}
