using System.Globalization;
using System.Net;
using Byline.Data.Articles;

namespace Byline.Web.Articles;

/// <summary>Formats a source citation as "Outlet. (Month D, YYYY). Original title." — plain and as HTML.</summary>
public static class CitationFormatter
{
    public static string LongDate(DateOnly date) =>
        date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    public static string Text(SourceCitation source) =>
        $"{WithStop(source.Outlet)} ({LongDate(source.OriginalDate)}). {WithStop(source.OriginalTitle)}";

    /// <summary>HTML whose text content equals <see cref="Text"/>; the title links to the original when a URL is known.</summary>
    public static string Html(SourceCitation source)
    {
        var outlet = WebUtility.HtmlEncode(source.Outlet.TrimEnd('.'));
        var outletStop = EndsWithStop(source.Outlet) ? "" : ".";
        var title = WebUtility.HtmlEncode(StripStop(source.OriginalTitle));
        var titleStop = EndsWithStop(source.OriginalTitle) ? source.OriginalTitle.TrimEnd()[^1].ToString() : ".";
        var date = source.OriginalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var cite = IsWebUrl(source.Url)
            ? $"<a href=\"{WebUtility.HtmlEncode(source.Url)}\" rel=\"noopener\"><cite>{title}</cite></a>"
            : $"<cite>{title}</cite>";
        return $"<span class=\"citation-outlet\">{outlet}</span>{outletStop} (<time datetime=\"{date}\">{LongDate(source.OriginalDate)}</time>). {cite}{WebUtility.HtmlEncode(titleStop)}";
    }

    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool EndsWithStop(string text) => text.TrimEnd() is [.., '.' or '?' or '!'];

    private static string WithStop(string text) => EndsWithStop(text) ? text.TrimEnd() : text.TrimEnd() + ".";

    private static string StripStop(string text) => EndsWithStop(text) ? text.TrimEnd()[..^1] : text.TrimEnd();
}
