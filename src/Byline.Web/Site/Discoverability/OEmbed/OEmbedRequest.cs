using System.Globalization;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byline.Web.Site.Discoverability.OEmbed;

/// <summary>
/// An oEmbed request's query, checked: an absolute http(s) URL, a format this provider speaks, and sizes that are
/// positive numbers. Whether the URL is one of this site's stories is the endpoint's business (404, not 400).
/// </summary>
public sealed record OEmbedRequest(Uri Url, string Format, int? MaxWidth, int? MaxHeight)
{
    public const string Json = "json";
    public const string Xml = "xml";

    /// <summary>Larger than any screen; a larger number is a mistake, not a wish.</summary>
    public const int MaxSize = 10_000;

    public static (OEmbedRequest? Request, ProblemHttpResult? Problem) Parse(string? url, string? format, string? maxWidth, string? maxHeight)
    {
        // The spec leaves the format to the provider when it is not given; JSON is what consumers mostly ask for.
        format = string.IsNullOrEmpty(format) ? Json : format;
        if (format is not (Json or Xml))
        {
            // The spec's answer is 501; a clear 400 tells the consumer what it got wrong, and both formats are here.
            return (null, Problems.Create(StatusCodes.Status400BadRequest, "format-unsupported", "The format must be \"json\" or \"xml\".", "format"));
        }
        if (string.IsNullOrWhiteSpace(url))
        {
            return (null, Problems.Create(StatusCodes.Status400BadRequest, "url-required", "Give the address of a story in the url parameter.", "url"));
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return (null, Problems.Create(StatusCodes.Status400BadRequest, "url-invalid", "The url parameter must be an absolute http or https address.", "url"));
        }
        var (width, widthOk) = Size(maxWidth);
        var (height, heightOk) = Size(maxHeight);
        if (!widthOk || !heightOk)
        {
            return (null, Problems.Create(StatusCodes.Status400BadRequest, "size-invalid",
                $"maxwidth and maxheight must be whole numbers of pixels from 1 to {MaxSize}.", widthOk ? "maxheight" : "maxwidth"));
        }
        return (new OEmbedRequest(parsed, format, width, height), null);
    }

    private static (int? Value, bool Ok) Size(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (null, true);
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxSize
            ? (value, true)
            : (null, false);
    }
}
