using System.Globalization;

namespace Byline.Web.Media;

public static class ByteSize
{
    /// <summary>"812 bytes", "41 KB", "1.4 MB" (1 KB = 1,024 bytes).</summary>
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB"),
    };
}
