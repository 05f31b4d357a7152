using SkiaSharp;

namespace Byline.Tests.Media;

/// <summary>SkiaSharp's native library (libSkiaSharp.so from the NoDependencies package) loads on this machine.</summary>
public sealed class SkiaNativeTests
{
    [Fact]
    public void NativeSkiaEncodesAndDecodesAPixel()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(2, 1, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.SetPixel(0, 0, SKColors.Red);
        bitmap.SetPixel(1, 0, SKColors.Blue);
        using var encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using var codec = SKCodec.Create(encoded);

        Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        using var decoded = SKBitmap.Decode(codec);
        Assert.Equal(SKColors.Red, decoded.GetPixel(0, 0));
        Assert.Equal(SKColors.Blue, decoded.GetPixel(1, 0));
    }
}
