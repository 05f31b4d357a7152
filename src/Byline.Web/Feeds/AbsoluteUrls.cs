using System.Buffers;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Byline.Web.Feeds;

/// <summary>
/// A story body made fit to leave the site: feed readers show it on another origin, where "/media/…", "#fn1" or
/// "?prompt=2" would point nowhere, so every link and image address is resolved against the story's own URL.
/// </summary>
public static class AbsoluteUrls
{
    private static readonly HtmlParser Parser = new();
    private static readonly string[] UrlAttributes = ["href", "src", "cite", "poster"];
    private static readonly SearchValues<char> SchemeCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

    public static string Resolve(string html, Uri storyUrl)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        body.InnerHtml = html;
        foreach (var element in body.Descendants<IElement>())
        {
            foreach (var name in UrlAttributes)
            {
                if (element.GetAttribute(name) is { } value)
                {
                    element.SetAttribute(name, ResolveUrl(value, storyUrl));
                }
            }
            if (element.GetAttribute("srcset") is { } srcset)
            {
                element.SetAttribute("srcset", ResolveSrcset(srcset, storyUrl));
            }
        }
        return body.InnerHtml;
    }

    /// <summary>An absolute address stays as it is; a relative one is taken relative to the story (as a browser would).</summary>
    public static string ResolveUrl(string value, Uri storyUrl)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || HasScheme(trimmed))
        {
            return value;
        }
        return Uri.TryCreate(storyUrl, trimmed, out var resolved) ? resolved.AbsoluteUri : value;
    }

    /// <summary>
    /// "https:", "mailto:"… A scheme is checked by hand: on Unix, Uri takes "/media/x" for an absolute file path.
    /// </summary>
    private static bool HasScheme(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && char.IsAsciiLetter(value[0])
            && value.AsSpan(0, colon).IndexOfAnyExcept(SchemeCharacters) < 0;
    }

    /// <summary>"/a.webp 320w, /b.webp 640w": each candidate's URL, keeping its descriptor.</summary>
    private static string ResolveSrcset(string srcset, Uri storyUrl) =>
        string.Join(", ", srcset.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(candidate =>
        {
            var space = candidate.IndexOf(' ', StringComparison.Ordinal);
            return space < 0 ? ResolveUrl(candidate, storyUrl) : ResolveUrl(candidate[..space], storyUrl) + candidate[space..];
        }));
}
