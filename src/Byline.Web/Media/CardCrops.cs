using SkiaSharp;

namespace Byline.Web.Media;

/// <summary>
/// Centre crops of an image in the shapes that search engines and social cards ask for (1:1, 4:3, 16:9), cut from its
/// largest stored JPEG rendition and at most <see cref="MaxWidth"/> wide. Their sizes follow from the source's size
/// alone, so a page states them without making the crop; <see cref="CropServing"/> makes each one on first request.
/// </summary>
public static class CardCrops
{
    /// <summary>What Google asks of article images (at least 1200 pixels wide), and no more: a card is not a zoom.</summary>
    public const int MaxWidth = 1200;

    public sealed record Aspect(string Name, int Across, int Down);

    public static readonly Aspect Square = new("1x1", 1, 1);
    public static readonly Aspect Standard = new("4x3", 4, 3);
    public static readonly Aspect Wide = new("16x9", 16, 9);

    /// <summary>In the order schema.org's image list shows them.</summary>
    public static readonly IReadOnlyList<Aspect> All = [Square, Standard, Wide];

    public static Aspect? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    /// <summary>Immutable, like every rendition URL: the source's bytes never change and the crop is made the same way.</summary>
    public static string Path(string key, Aspect aspect) => $"/media/{key}/crop/{aspect.Name}.jpg";

    /// <summary>
    /// How a crop is told apart from the plain renditions in the same table: a JPEG media type with a parameter. The
    /// rendition queries match the bare type exactly, so a crop never shows up in a srcset.
    /// </summary>
    public static string StoredType(Aspect aspect) => $"{MediaPaths.Jpeg}; crop={aspect.Name}";

    /// <summary>The largest centred region of that shape inside a picture of the given size.</summary>
    public static SKRectI Region(int width, int height, Aspect aspect)
    {
        ArgumentNullException.ThrowIfNull(aspect);
        // Compare width/height with across/down without dividing.
        var (cropWidth, cropHeight) = (long)width * aspect.Down > (long)height * aspect.Across
            ? ((int)Math.Max(1, Math.Round(height * (double)aspect.Across / aspect.Down)), height)
            : (width, (int)Math.Max(1, Math.Round(width * (double)aspect.Down / aspect.Across)));
        var left = (width - cropWidth) / 2;
        var top = (height - cropHeight) / 2;
        return new SKRectI(left, top, left + cropWidth, top + cropHeight);
    }

    /// <summary>The crop's pixel size when cut from a source of that size: never upscaled.</summary>
    public static RenditionSize SizeOf(RenditionSize source, Aspect aspect)
    {
        ArgumentNullException.ThrowIfNull(source);
        var region = Region(source.Width, source.Height, aspect);
        if (region.Width <= MaxWidth)
        {
            return new(region.Width, region.Height);
        }
        return new(MaxWidth, Math.Max(1, (int)Math.Round(region.Height * (double)MaxWidth / region.Width)));
    }

    /// <summary>Cuts the crop out of a stored JPEG rendition and encodes it as JPEG.</summary>
    public static (RenditionSize Size, byte[] Bytes) Cut(byte[] jpeg, Aspect aspect)
    {
        using var source = SKBitmap.Decode(jpeg) ?? throw new InvalidOperationException("A stored rendition could not be decoded.");
        var size = SizeOf(new RenditionSize(source.Width, source.Height), aspect);
        using var region = new SKBitmap();
        if (!source.ExtractSubset(region, Region(source.Width, source.Height, aspect)))
        {
            throw new InvalidOperationException("Skia could not cut a crop.");
        }
        if (size.Width == region.Width)
        {
            return (size, Renditions.Jpeg(region));
        }
        using var scaled = Renditions.Scale(region, size.Width, size.Height);
        return (size, Renditions.Jpeg(scaled));
    }
}
