using System.Text;

namespace Byline.Web.Media;

/// <summary>Where images live on the site, and the Markdown that puts one in a story body.</summary>
public static class MediaPaths
{
    public const string Library = "/newsroom/images";
    public const string Webp = "image/webp";
    public const string Jpeg = "image/jpeg";

    /// <summary>The width a body image or a page's <c>src</c> uses: a column's width on a large screen.</summary>
    public const int DefaultWidth = 1024;

    /// <summary>Immutable: a key's bytes never change, so the URL can be cached for a year.</summary>
    public static string Rendition(string key, int width, string contentType) => $"/media/{key}/{width}.{Extension(contentType)}";

    public static string Extension(string contentType) => contentType == Webp ? "webp" : "jpg";

    public static string? ContentTypeOf(string extension) => extension switch
    {
        "webp" => Webp,
        "jpg" => Jpeg,
        _ => null,
    };

    /// <summary>"/media/k/320.webp 320w, /media/k/640.webp 640w, …"</summary>
    public static string Srcset(string key, IEnumerable<RenditionSize> sizes, string contentType) =>
        string.Join(", ", sizes.Select(s => $"{Rendition(key, s.Width, contentType)} {s.Width}w"));

    /// <summary>The largest rendition up to <see cref="DefaultWidth"/> (the smallest if all are wider).</summary>
    public static RenditionSize DefaultSize(IReadOnlyList<RenditionSize> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        return sizes.Where(s => s.Width <= DefaultWidth).OrderByDescending(s => s.Width).FirstOrDefault() ?? sizes.MinBy(s => s.Width)!;
    }

    /// <summary>
    /// <c>![alt](/media/key/1024.webp "Caption | Photo: Credit")</c>: an image alone in its paragraph with a title
    /// renders as a figure with caption and credit (see <see cref="Articles.ImageFigures"/>).
    /// </summary>
    public static string Markdown(string key, int width, string alt, string? caption, string? credit)
    {
        // The figure syntax splits caption from credit at the last " | ", so a credit must not contain one.
        credit = credit?.Replace(" | ", " / ", StringComparison.Ordinal);
        var title = (caption, credit) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => $"{caption} | Photo: {credit}",
            ({ Length: > 0 }, _) => caption,
            (_, { Length: > 0 }) => $"Photo: {credit}",
            _ => null,
        };
        var markdown = new StringBuilder("![").Append(Escape(alt, "\\[]*_`<&")).Append("](").Append(Rendition(key, width, Webp));
        if (title is not null)
        {
            markdown.Append(" \"").Append(Escape(title, "\\\"&")).Append('"');
        }
        return markdown.Append(')').ToString();
    }

    /// <summary>Backslash-escapes the characters that would otherwise be read as Markdown (or an entity) in that place.</summary>
    private static string Escape(string text, string special)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (special.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
