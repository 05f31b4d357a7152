using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Microsoft.Net.Http.Headers;

namespace Byline.Web.Site.Discoverability.Sitemaps;

/// <summary>
/// What every sitemap shares: the protocol's namespaces and limits, its date format, and the answer (XML with an ETag,
/// so a crawler that already has this version gets a 304 without the body).
/// </summary>
public static class SitemapXml
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    /// <summary>The protocol's limit of URLs in one sitemap (and of sitemaps in one index).</summary>
    public const int MaxUrls = 50_000;

    public const string ContentType = "application/xml; charset=utf-8";

    /// <summary>W3C Datetime with seconds, in UTC ("2026-11-27T12:00:00+00:00").</summary>
    public static string Date(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>Writes a document with <paramref name="write"/> and answers it, or 304 when the crawler has it already.</summary>
    public static IResult Respond(HttpContext context, Action<XmlWriter> write)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }
        var bytes = buffer.ToArray();
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16))}\"");
        var response = context.Response;
        response.Headers.CacheControl = "public, max-age=300";
        response.Headers.ETag = tag.ToString();
        var asked = context.Request.GetTypedHeaders().IfNoneMatch;
        if (asked.Any(t => t.Tag == tag.Tag || t.Tag == "*"))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(bytes, ContentType);
    }

    /// <summary>One &lt;url&gt; (or &lt;sitemap&gt;) entry: its address and, when known, when it last changed.</summary>
    public static void Entry(XmlWriter xml, string element, string location, DateTimeOffset? lastModified)
    {
        ArgumentNullException.ThrowIfNull(xml);
        xml.WriteStartElement(element, Namespace);
        xml.WriteElementString("loc", Namespace, location);
        if (lastModified is { } modified)
        {
            xml.WriteElementString("lastmod", Namespace, Date(modified));
        }
        xml.WriteEndElement();
    }
}
