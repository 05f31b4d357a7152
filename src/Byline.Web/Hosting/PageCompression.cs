using System.IO.Compression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Byline.Web.Hosting;

/// <summary>
/// Brotli and gzip copies of a cached page, made once when it is stored and sent to browsers that accept them.
/// </summary>
/// <remarks>
/// A story page's HTML shrinks to about a fifth, which is most of what a reader on a slow mobile connection waits for
/// before the first paint. Only pages of the shared cache are compressed: they are the same for every anonymous reader
/// and carry no secret, so compression leaks nothing (BREACH needs a secret and the attacker's text in one response).
/// Static assets come compressed at build time (MapStaticAssets); signed-in pages and the API are sent as they are.
/// </remarks>
public static class PageCompression
{
    /// <summary>Below this, the headers and the encoder's framing eat what compression saves.</summary>
    public const int MinBytes = 1024;

    public const string Brotli = "br";
    public const string Gzip = "gzip";

    public static (byte[]? Brotli, byte[]? Gzip) Compress(byte[] body)
    {
        if (body.Length < MinBytes)
        {
            return (null, null);
        }
        var brotli = Smaller(body, output => new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true));
        var gzip = Smaller(body, output => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true));
        return (brotli, gzip);
    }

    /// <summary>
    /// The encoding to send for an Accept-Encoding header: Brotli unless the client prefers gzip, gzip, or none.
    /// An explicit <c>q=0</c> refuses an encoding; <c>*</c> stands for those not named.
    /// </summary>
    public static string? Choose(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding)
            || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return null;
        }
        double brotli = -1, gzip = -1, any = -1;
        foreach (var coding in codings)
        {
            var quality = coding.Quality ?? 1;
            if (coding.Value.Equals(Brotli, StringComparison.OrdinalIgnoreCase))
            {
                brotli = quality;
            }
            else if (coding.Value.Equals(Gzip, StringComparison.OrdinalIgnoreCase))
            {
                gzip = quality;
            }
            else if (coding.Value.Equals("*", StringComparison.Ordinal))
            {
                any = quality;
            }
        }
        brotli = brotli < 0 ? any : brotli;
        gzip = gzip < 0 ? any : gzip;
        return brotli > 0 && brotli >= gzip ? Brotli : gzip > 0 ? Gzip : null;
    }

    private static byte[]? Smaller(byte[] body, Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream(body.Length / 3);
        using (var stream = encoder(output))
        {
            stream.Write(body);
        }
        return output.Length < body.Length ? output.ToArray() : null;
    }
}
