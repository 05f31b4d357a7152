#:package SkiaSharp
#:package SkiaSharp.NativeAssets.Linux.NoDependencies
#:property AnalysisLevel=none

// Draws Byline's built-in site images (wwwroot/images): the favicon's serif "B" in white on its dark square, as a
// 512-pixel logo and on a 1200×630 card. Run once from the repository root: `dotnet run scripts/draw-site-images.cs`.
// The output is committed; the sizes are repeated in Site/Discoverability/BuiltInImages.cs.
using SkiaSharp;

var folder = Path.Combine("src", "Byline.Web", "wwwroot", "images");
var dark = new SKColor(0x1b, 0x1b, 0x1b);
// From its file: the NoDependencies native build has no fontconfig to find a family by name.
using var serif = SKTypeface.FromFile("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")
    ?? throw new InvalidOperationException("DejaVu Serif Bold (Debian's fonts-dejavu-core) is not installed.");

void Mark(SKCanvas canvas, float left, float top, float size)
{
    using var square = new SKPaint { Color = dark, IsAntialias = true };
    canvas.DrawRoundRect(new SKRect(left, top, left + size, top + size), size / 8, size / 8, square);
    using var font = new SKFont(serif, size * 0.72f);
    using var ink = new SKPaint { Color = SKColors.White, IsAntialias = true };
    font.MeasureText("B", out var bounds, ink);
    canvas.DrawText("B", left + (size - bounds.Width) / 2 - bounds.Left, top + (size - bounds.Height) / 2 - bounds.Top, SKTextAlign.Left, font, ink);
}

void Save(SKSurface surface, string name)
{
    using var image = surface.Snapshot();
    using var png = image.Encode(SKEncodedImageFormat.Png, 100);
    File.WriteAllBytes(Path.Combine(folder, name), png.ToArray());
    Console.WriteLine($"{name}: {image.Width}×{image.Height}, {png.Size} bytes");
}

using (var logo = SKSurface.Create(new SKImageInfo(512, 512, SKColorType.Rgba8888, SKAlphaType.Premul)))
{
    logo.Canvas.Clear(SKColors.Transparent);
    Mark(logo.Canvas, 0, 0, 512);
    Save(logo, "byline-logo.png");
}

using (var card = SKSurface.Create(new SKImageInfo(1200, 630, SKColorType.Rgba8888, SKAlphaType.Opaque)))
{
    card.Canvas.Clear(new SKColor(0xf4, 0xf1, 0xea));
    Mark(card.Canvas, (1200 - 300) / 2f, (630 - 300) / 2f, 300);
    Save(card, "byline-card.png");
}
