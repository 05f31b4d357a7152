using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Byline.Tests.Media;

/// <summary>
/// Images made in the test, good and hostile: encoded by SkiaSharp where it can, written byte by byte where a test needs
/// something no encoder produces (EXIF with GPS, a GIF, a header that lies about the size).
/// </summary>
public static class TestImages
{
    public static readonly SKColor Left = new(220, 30, 30);
    public static readonly SKColor Right = new(30, 60, 220);

    /// <summary>A picture whose left half is red and right half is blue, so that a rotation shows.</summary>
    public static SKBitmap Halves(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        using var left = new SKPaint { Color = Left };
        using var right = new SKPaint { Color = Right };
        canvas.DrawRect(0, 0, width / 2f, height, left);
        canvas.DrawRect(width / 2f, 0, width - (width / 2f), height, right);
        return bitmap;
    }

    /// <summary>Noise that compresses badly, for files of a realistic size.</summary>
    public static SKBitmap Noise(int width, int height, int seed = 7)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var random = new Random(seed);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 90)
    {
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width = 64, int height = 48)
    {
        using var bitmap = Halves(width, height);
        return Encode(bitmap, SKEncodedImageFormat.Jpeg);
    }

    public static byte[] Png(int width = 64, int height = 48)
    {
        using var bitmap = Halves(width, height);
        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    public static byte[] Webp(int width = 64, int height = 48)
    {
        using var bitmap = Halves(width, height);
        return Encode(bitmap, SKEncodedImageFormat.Webp);
    }

    /// <summary>
    /// A GIF89a of two frames, written by hand (SkiaSharp has no GIF encoder): the first frame is the left/right halves,
    /// the second frame is all green, so a test can tell which frame was kept. The LZW stream is "uncompressed": a clear
    /// code every few codes keeps the code width at 9 bits.
    /// </summary>
    public static byte[] Gif(int width = 64, int height = 48)
    {
        using var output = new MemoryStream();
        void Short(int value) { output.WriteByte((byte)value); output.WriteByte((byte)(value >> 8)); }

        output.Write("GIF89a"u8);
        Short(width);
        Short(height);
        output.WriteByte(0xF7); // global colour table of 256 entries
        output.WriteByte(0);
        output.WriteByte(0);
        var table = new byte[256 * 3];
        table[0] = Left.Red; table[1] = Left.Green; table[2] = Left.Blue;
        table[3] = Right.Red; table[4] = Right.Green; table[5] = Right.Blue;
        table[6] = 0; table[7] = 200; table[8] = 0;
        output.Write(table);
        // Loop forever: an animated GIF.
        output.Write([0x21, 0xFF, 0x0B, .. "NETSCAPE2.0"u8, 0x03, 0x01, 0x00, 0x00, 0x00]);

        WriteFrame(output, width, height, (x, _) => x < width / 2 ? (byte)0 : (byte)1);
        WriteFrame(output, width, height, (_, _) => 2);
        output.WriteByte(0x3B);
        return output.ToArray();
    }

    private static void WriteFrame(MemoryStream output, int width, int height, Func<int, int, byte> index)
    {
        output.Write([0x21, 0xF9, 0x04, 0x00, 0x0A, 0x00, 0x00, 0x00]); // 100 ms, no transparency
        output.WriteByte(0x2C);
        output.Write([0, 0, 0, 0, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0]);
        output.WriteByte(8); // minimum code size

        const int clear = 256, end = 257;
        var codes = new List<int> { clear };
        var sinceClear = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (sinceClear == 250)
                {
                    codes.Add(clear);
                    sinceClear = 0;
                }
                codes.Add(index(x, y));
                sinceClear++;
            }
        }
        codes.Add(end);

        var packed = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var code in codes)
        {
            buffer |= code << bits;
            bits += 9;
            while (bits >= 8)
            {
                packed.Add((byte)buffer);
                buffer >>= 8;
                bits -= 8;
            }
        }
        if (bits > 0)
        {
            packed.Add((byte)buffer);
        }
        for (var i = 0; i < packed.Count; i += 255)
        {
            var length = Math.Min(255, packed.Count - i);
            output.WriteByte((byte)length);
            output.Write(packed.GetRange(i, length).ToArray());
        }
        output.WriteByte(0);
    }

    /// <summary>
    /// The JPEG with an EXIF block (APP1) inserted after its JFIF header, saying "rotate 90° clockwise to display"
    /// (orientation 6) and where it was taken (GPS latitude and longitude), with a camera make to look for.
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation = 6)
    {
        var tiff = new byte[140 + CameraMake.Length + 1];
        var span = tiff.AsSpan();
        "MM\0*"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], 8);

        // IFD0: orientation, camera make, pointer to the GPS IFD.
        var makeOffset = 140;
        var ifd = span[8..];
        BinaryPrimitives.WriteUInt16BigEndian(ifd, 3);
        Entry(ifd[2..], 0x010F, 2, (uint)(CameraMake.Length + 1), (uint)makeOffset);
        Entry(ifd[14..], 0x0112, 3, 1, (uint)orientation << 16);
        Entry(ifd[26..], 0x8825, 4, 1, 50);
        // next IFD: 0 (already zero); IFD0 is 2 + 3*12 + 4 = 42 bytes, so the GPS IFD starts at 50.

        var gps = span[50..];
        BinaryPrimitives.WriteUInt16BigEndian(gps, 4);
        Entry(gps[2..], 0x0001, 2, 2, (uint)'N' << 24);
        Entry(gps[14..], 0x0002, 5, 3, 104 - 12);
        Entry(gps[26..], 0x0003, 2, 2, (uint)'E' << 24);
        Entry(gps[38..], 0x0004, 5, 3, 116);
        // GPS IFD is 2 + 4*12 + 4 = 54 bytes: 50..104. Rationals at 92 and 116.
        Rationals(span[92..], 52, 31, 7);
        Rationals(span[116..], 13, 24, 9);
        Encoding.ASCII.GetBytes(CameraMake).CopyTo(span[makeOffset..]);

        var app1 = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Length;
        app1.Add((byte)(length >> 8));
        app1.Add((byte)length);
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);

        // After SOI (2 bytes) and the JFIF APP0 segment.
        Assert.True(jpeg[2] == 0xFF && jpeg[3] == 0xE0, "Expected a JFIF APP0 segment after SOI.");
        var insertAt = 4 + ((jpeg[4] << 8) | jpeg[5]);
        return [.. jpeg[..insertAt], .. app1, .. jpeg[insertAt..]];

        static void Entry(Span<byte> entry, ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(entry, tag);
            BinaryPrimitives.WriteUInt16BigEndian(entry[2..], type);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], count);
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], value);
        }

        static void Rationals(Span<byte> target, uint degrees, uint minutes, uint seconds)
        {
            uint[] values = [degrees, 1, minutes, 1, seconds, 1];
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(target[(i * 4)..], values[i]);
            }
        }
    }

    public const string CameraMake = "BylineTestCam";

    /// <summary>
    /// A PNG of a few hundred bytes whose header claims <paramref name="width"/> × <paramref name="height"/> pixels:
    /// decoding it would need gigabytes.
    /// </summary>
    public static byte[] PngClaiming(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(output, "IHDR", header);
        // The start of a zlib stream of zeros (a real bomb carries a few MB of this).
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(new byte[64 * 1024]);
            }
            Chunk(output, "IDAT", compressed.ToArray());
        }
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    /// <summary>A real JPEG cut off part-way through its image data, as an interrupted upload leaves it.</summary>
    public static byte[] TruncatedJpeg()
    {
        using var bitmap = Noise(400, 300);
        var whole = Encode(bitmap, SKEncodedImageFormat.Jpeg);
        return whole[..(whole.Length * 6 / 10)];
    }

    /// <summary>A real PNG whose compressed pixel data is overwritten with noise part-way through.</summary>
    public static byte[] CorruptPng()
    {
        using var bitmap = Noise(200, 150);
        var bytes = Encode(bitmap, SKEncodedImageFormat.Png);
        var start = bytes.AsSpan().IndexOf("IDAT"u8) + 40;
        new Random(3).NextBytes(bytes.AsSpan(start, bytes.Length / 3));
        return bytes;
    }

    public static byte[] Text => "Quarterly figures, not a picture.\nRevenue: 12m\n"u8.ToArray();

    public static byte[] SvgWithScript => """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
          <script>alert(document.cookie)</script>
          <rect width="100" height="100" fill="red"/>
        </svg>
        """u8.ToArray();

    public static byte[] Html => "<!DOCTYPE html><html><body><script>alert(1)</script><img src=x onerror=alert(2)></body></html>"u8.ToArray();
}
