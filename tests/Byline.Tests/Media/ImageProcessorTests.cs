using Byline.Web.Media;
using SkiaSharp;

namespace Byline.Tests.Media;

/// <summary>Decoding, refusing, turning upright and re-encoding, on bytes made in the test (no app, no database).</summary>
public sealed class ImageProcessorTests
{
    public static TheoryData<string> GoodFormats => ["jpeg", "png", "webp", "gif"];

    private static byte[] Good(string format, int width = 64, int height = 48) => format switch
    {
        "jpeg" => TestImages.Jpeg(width, height),
        "png" => TestImages.Png(width, height),
        "webp" => TestImages.Webp(width, height),
        "gif" => TestImages.Gif(width, height),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    [Theory]
    [MemberData(nameof(GoodFormats))]
    public void GoodImageBecomesWebpAndJpegRenditionsOfTheSamePicture(string format)
    {
        var (image, refusal) = ImageProcessor.Process(Good(format));

        Assert.Null(refusal);
        Assert.NotNull(image);
        Assert.Equal((64, 48), (image.Width, image.Height));
        Assert.Equal([(64, MediaPaths.Jpeg), (64, MediaPaths.Webp)], image.Renditions.Select(r => (r.Width, r.ContentType)).Order());
        foreach (var rendition in image.Renditions)
        {
            using var codec = SKCodec.Create(new SKMemoryStream(rendition.Bytes));
            Assert.Equal(rendition.ContentType == MediaPaths.Webp ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            using var pixels = SKBitmap.Decode(rendition.Bytes);
            Assert.Equal((64, 48), (pixels.Width, pixels.Height));
            ImageAssert.Near(TestImages.Left, pixels.GetPixel(8, 24));
            ImageAssert.Near(TestImages.Right, pixels.GetPixel(56, 24));
        }
    }

    [Fact]
    public void AnimatedGifKeepsItsFirstFrame()
    {
        var (image, _) = ImageProcessor.Process(TestImages.Gif());

        using var pixels = SKBitmap.Decode(image!.Renditions.First(r => r.ContentType == MediaPaths.Jpeg).Bytes);
        // The second frame is all green.
        ImageAssert.Near(TestImages.Left, pixels.GetPixel(8, 24));
    }

    [Theory]
    [InlineData(1700, 200, new[] { 320, 640, 1024, 1600 }, new[] { 38, 75, 120, 188 })]
    [InlineData(1600, 90, new[] { 320, 640, 1024, 1600 }, new[] { 18, 36, 58, 90 })]
    [InlineData(800, 60, new[] { 320, 640, 800 }, new[] { 24, 48, 60 })]
    [InlineData(320, 100, new[] { 320 }, new[] { 100 })]
    [InlineData(200, 150, new[] { 200 }, new[] { 150 })]
    public void RenditionsAreTheStandardWidthsNeverUpscaled(int width, int height, int[] widths, int[] heights)
    {
        using var bitmap = TestImages.Halves(width, height);
        var (image, _) = ImageProcessor.Process(TestImages.Encode(bitmap, SKEncodedImageFormat.Png));

        foreach (var contentType in new[] { MediaPaths.Webp, MediaPaths.Jpeg })
        {
            var renditions = image!.Renditions.Where(r => r.ContentType == contentType).OrderBy(r => r.Width).ToList();
            Assert.Equal(widths, renditions.Select(r => r.Width));
            Assert.Equal(heights, renditions.Select(r => r.Height));
            foreach (var rendition in renditions)
            {
                using var pixels = SKBitmap.Decode(rendition.Bytes);
                Assert.Equal((rendition.Width, rendition.Height), (pixels.Width, pixels.Height));
                ImageAssert.Near(TestImages.Left, pixels.GetPixel(pixels.Width / 4, pixels.Height / 2));
                ImageAssert.Near(TestImages.Right, pixels.GetPixel(pixels.Width * 3 / 4, pixels.Height / 2));
            }
        }
    }

    [Fact]
    public void ExifOrientationIsAppliedAndExifWithGpsIsGone()
    {
        var upload = TestImages.WithExif(TestImages.Jpeg(80, 40));
        // The upload really carries what the test means it to: a turn and a place.
        using (var codec = SKCodec.Create(new SKMemoryStream(upload)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin);
        }
        Assert.True(Contains(upload, "Exif\0\0"u8.ToArray()) && Contains(upload, System.Text.Encoding.ASCII.GetBytes(TestImages.CameraMake)));

        var (image, refusal) = ImageProcessor.Process(upload);

        Assert.Null(refusal);
        // Turned a quarter clockwise: 80 × 40 becomes 40 × 80, and the left half (red) is now on top.
        Assert.Equal((40, 80), (image!.Width, image.Height));
        foreach (var rendition in image.Renditions)
        {
            Assert.False(Contains(rendition.Bytes, "Exif"u8.ToArray()), $"{rendition.ContentType} still has EXIF");
            Assert.False(Contains(rendition.Bytes, System.Text.Encoding.ASCII.GetBytes(TestImages.CameraMake)), $"{rendition.ContentType} still names the camera");
            ImageAssert.NoMetadata(rendition);
            using var codec = SKCodec.Create(new SKMemoryStream(rendition.Bytes));
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
            using var pixels = SKBitmap.Decode(rendition.Bytes);
            Assert.Equal((40, 80), (pixels.Width, pixels.Height));
            ImageAssert.Near(TestImages.Left, pixels.GetPixel(20, 10));
            ImageAssert.Near(TestImages.Right, pixels.GetPixel(20, 70));
        }
    }

    /// <summary>
    /// Each EXIF orientation, by what the tag means (the TIFF/EXIF spec's "0th row / 0th column" table): where the
    /// stored picture's red, green, blue and yellow quadrants (top-left, top-right, bottom-left, bottom-right) show.
    /// </summary>
    [Theory]
    [InlineData(1, "RGBY")]
    [InlineData(2, "GRYB")]
    [InlineData(3, "YBGR")]
    [InlineData(4, "BYRG")]
    [InlineData(5, "RBGY")]
    [InlineData(6, "BRYG")]
    [InlineData(7, "YGBR")]
    [InlineData(8, "GYRB")]
    public void EveryExifOrientationIsShownAsTheCameraMeantIt(ushort orientation, string shown)
    {
        var colors = new Dictionary<char, SKColor> { ['R'] = new(230, 20, 20), ['G'] = new(20, 200, 20), ['B'] = new(20, 20, 230), ['Y'] = new(240, 220, 20) };
        using var stored = new SKBitmap(new SKImageInfo(120, 60, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(stored))
        {
            void Fill(float x, float y, SKColor color)
            {
                using var paint = new SKPaint { Color = color };
                canvas.DrawRect(x, y, 60, 30, paint);
            }
            Fill(0, 0, colors['R']);
            Fill(60, 0, colors['G']);
            Fill(0, 30, colors['B']);
            Fill(60, 30, colors['Y']);
        }

        var (image, _) = ImageProcessor.Process(TestImages.WithExif(TestImages.Encode(stored, SKEncodedImageFormat.Jpeg), orientation));

        var turned = orientation >= 5;
        Assert.Equal(turned ? (60, 120) : (120, 60), (image!.Width, image.Height));
        using var pixels = SKBitmap.Decode(image.Renditions.First(r => r.ContentType == MediaPaths.Webp).Bytes);
        var (w, h) = (pixels.Width, pixels.Height);
        ImageAssert.Near(colors[shown[0]], pixels.GetPixel(w / 4, h / 4));
        ImageAssert.Near(colors[shown[1]], pixels.GetPixel(w * 3 / 4, h / 4));
        ImageAssert.Near(colors[shown[2]], pixels.GetPixel(w / 4, h * 3 / 4));
        ImageAssert.Near(colors[shown[3]], pixels.GetPixel(w * 3 / 4, h * 3 / 4));
    }

    [Fact]
    public void LargeTurnedJpegIsDecodedAtAFractionOfItsSizeAndStillShownUpright()
    {
        // Stored 200 × 3400 and tagged "turn clockwise": upright it is 3400 × 200, so the decoder may scale by half.
        using var stored = TestImages.Halves(200, 3400);

        var (image, _) = ImageProcessor.Process(TestImages.WithExif(TestImages.Encode(stored, SKEncodedImageFormat.Jpeg)));

        Assert.Equal((3400, 200), (image!.Width, image.Height));
        var largest = image.Renditions.Where(r => r.ContentType == MediaPaths.Jpeg).MaxBy(r => r.Width)!;
        Assert.Equal((1600, 94), (largest.Width, largest.Height));
        using var pixels = SKBitmap.Decode(largest.Bytes);
        ImageAssert.Near(TestImages.Left, pixels.GetPixel(800, 15));
        ImageAssert.Near(TestImages.Right, pixels.GetPixel(800, 80));
    }

    [Fact]
    public void TransparencyStaysInWebpAndBecomesWhiteInJpeg()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(40, 40, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = TestImages.Left })
        {
            canvas.Clear(SKColors.Transparent);
            canvas.DrawRect(10, 10, 20, 20, paint);
        }

        var (image, _) = ImageProcessor.Process(TestImages.Encode(bitmap, SKEncodedImageFormat.Png));

        using var webp = SKBitmap.Decode(image!.Renditions.Single(r => r.ContentType == MediaPaths.Webp).Bytes);
        Assert.Equal(0, webp.GetPixel(2, 2).Alpha);
        ImageAssert.Near(TestImages.Left, webp.GetPixel(20, 20));
        using var jpeg = SKBitmap.Decode(image.Renditions.Single(r => r.ContentType == MediaPaths.Jpeg).Bytes);
        ImageAssert.Near(SKColors.White, jpeg.GetPixel(2, 2));
        ImageAssert.Near(TestImages.Left, jpeg.GetPixel(20, 20));
    }

    public static TheoryData<string, ImageRefusal.Reason> Hostile => new()
    {
        { "empty", ImageRefusal.Reason.Empty },
        { "text", ImageRefusal.Reason.NotAnImage },
        { "svg", ImageRefusal.Reason.NotAnImage },
        { "html", ImageRefusal.Reason.NotAnImage },
        { "truncated-jpeg", ImageRefusal.Reason.Damaged },
        { "corrupt-png", ImageRefusal.Reason.Damaged },
        { "jpeg-header-only", ImageRefusal.Reason.Damaged },
        { "bomb", ImageRefusal.Reason.TooManyPixels },
    };

    public static byte[] HostileBytes(string name) => name switch
    {
        "empty" => [],
        "text" => TestImages.Text,
        "svg" => TestImages.SvgWithScript,
        "html" => TestImages.Html,
        "truncated-jpeg" => TestImages.TruncatedJpeg(),
        "corrupt-png" => TestImages.CorruptPng(),
        "jpeg-header-only" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10],
        "bomb" => TestImages.PngClaiming(100_000, 100_000),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void HostileBytesAreRefused(string name, ImageRefusal.Reason reason)
    {
        var (image, refusal) = ImageProcessor.Process(HostileBytes(name));

        Assert.Null(image);
        Assert.Equal(reason, refusal?.Why);
    }

    [Theory]
    [InlineData(100_000, 100_000)]
    [InlineData(12_001, 10)]
    [InlineData(10, 12_001)]
    [InlineData(8_000, 5_001)]
    public void HeaderClaimingTooManyPixelsIsRefusedWithItsSize(int width, int height)
    {
        var (_, refusal) = ImageProcessor.Process(TestImages.PngClaiming(width, height));

        Assert.Equal(new ImageRefusal(ImageRefusal.Reason.TooManyPixels, width, height), refusal);
    }

    [Fact]
    public void ImageAtTheLimitsIsAccepted()
    {
        // 12,000 pixels wide and as tall as fits under the 40-megapixel line would be slow here; the side limit alone
        // is exercised with a thin strip.
        using var bitmap = TestImages.Halves(12_000, 4);

        var (image, refusal) = ImageProcessor.Process(TestImages.Encode(bitmap, SKEncodedImageFormat.Png));

        Assert.Null(refusal);
        Assert.Equal(1600, image!.Renditions.Max(r => r.Width));
    }

    [Fact]
    public void NameAndClaimedTypeDoNotMatterOnlyTheBytes()
    {
        // A PNG is a PNG whatever it is called; the format is sniffed from its first bytes.
        Assert.Equal(SKEncodedImageFormat.Png, ImageFormats.Sniff(TestImages.Png()));
        Assert.Equal(SKEncodedImageFormat.Gif, ImageFormats.Sniff(TestImages.Gif()));
        Assert.Equal(SKEncodedImageFormat.Webp, ImageFormats.Sniff(TestImages.Webp()));
        Assert.Equal(SKEncodedImageFormat.Jpeg, ImageFormats.Sniff(TestImages.Jpeg()));
        Assert.Null(ImageFormats.Sniff(TestImages.Text));
        // BMP, which Skia could decode, never reaches it.
        Assert.Null(ImageFormats.Sniff([.. "BM"u8, .. new byte[60]]));
    }

    internal static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
