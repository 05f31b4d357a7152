using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using System.Xml;

namespace Byline.Web.Site.Discoverability.OEmbed;

/// <summary>
/// One oEmbed answer (oEmbed 1.0, type "rich"), written as JSON or XML with the same fields in the same order.
/// </summary>
/// <remarks>
/// "rich" rather than "link": a story is neither a photo nor a video, and "link" carries no HTML, so a consumer could
/// show little more than a bare address. "rich" lets it show a citation (headline linked to the story, byline, site)
/// as a plain blockquote, which needs no script or iframe from this site and reflows to any width.
/// </remarks>
public sealed record OEmbedResponse(
    string Title,
    string AuthorName,
    string AuthorUrl,
    string ProviderName,
    string ProviderUrl,
    string Html,
    int Width,
    int Height,
    CardImage? Thumbnail)
{
    /// <summary>How long a consumer may keep the answer, in seconds: headlines and bylines change seldom after publication.</summary>
    public const int CacheAge = 3600;

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public IEnumerable<(string Name, object Value)> Fields()
    {
        yield return ("version", "1.0");
        yield return ("type", "rich");
        yield return ("title", Title);
        yield return ("author_name", AuthorName);
        yield return ("author_url", AuthorUrl);
        yield return ("provider_name", ProviderName);
        yield return ("provider_url", ProviderUrl);
        yield return ("cache_age", CacheAge);
        yield return ("html", Html);
        yield return ("width", Width);
        yield return ("height", Height);
        if (Thumbnail is { } thumbnail)
        {
            yield return ("thumbnail_url", thumbnail.Url);
            yield return ("thumbnail_width", thumbnail.Width);
            yield return ("thumbnail_height", thumbnail.Height);
        }
    }

    public string ToJson()
    {
        var json = new JsonObject();
        foreach (var (name, value) in Fields())
        {
            json[name] = value is int number ? JsonValue.Create(number) : JsonValue.Create((string)value);
        }
        return json.ToJsonString(JsonOptions);
    }

    /// <summary>The spec's XML form: one &lt;oembed&gt; element with a child per field.</summary>
    public string ToXml()
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(new Utf8StringWriter(text), new XmlWriterSettings { Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("oembed");
            foreach (var (name, value) in Fields())
            {
                xml.WriteElementString(name, value is int number ? number.ToString(CultureInfo.InvariantCulture) : (string)value);
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return text.ToString();
    }

    /// <summary>A StringWriter that declares UTF-8, the encoding the response is sent in.</summary>
    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
