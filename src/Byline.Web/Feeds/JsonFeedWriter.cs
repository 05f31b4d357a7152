using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Byline.Web.Feeds;

/// <summary>JSON Feed 1.1 (jsonfeed.org/version/1.1), written field by field so the output is the same bytes every time.</summary>
public static class JsonFeedWriter
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // The feed is a document of its own (served as application/feed+json with nosniff), never inlined in a page,
        // so the HTML in content_html and the text in any language can stay as they are instead of \u003C escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(FeedDocument document)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", document.Title);
            json.WriteString("home_page_url", document.Home.AbsoluteUri);
            json.WriteString("feed_url", document.Self.AbsoluteUri);
            json.WriteString("description", document.Description);
            if (document.Image is not null)
            {
                json.WriteString("icon", document.Image.AbsoluteUri);
            }
            json.WriteString("language", document.Language);
            json.WriteStartArray("authors");
            WritePerson(json, document.SiteName, document.Site);
            json.WriteEndArray();
            json.WriteStartArray("items");
            foreach (var item in document.Items)
            {
                json.WriteStartObject();
                json.WriteString("id", item.Id);
                json.WriteString("url", item.Url.AbsoluteUri);
                json.WriteString("title", item.Title);
                json.WriteString("content_html", item.ContentHtml);
                if (item.Summary is not null)
                {
                    json.WriteString("summary", item.Summary);
                }
                json.WriteString("date_published", Rfc3339(item.Published));
                json.WriteString("date_modified", Rfc3339(item.Updated));
                json.WriteStartArray("authors");
                foreach (var author in item.Authors)
                {
                    WritePerson(json, author.Name, author.Url);
                }
                json.WriteEndArray();
                json.WriteStartArray("tags");
                foreach (var category in item.Categories)
                {
                    json.WriteStringValue(category);
                }
                json.WriteEndArray();
                json.WriteString("language", item.Language);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WritePerson(Utf8JsonWriter json, string name, Uri url)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("url", url.AbsoluteUri);
        json.WriteEndObject();
    }

    /// <summary>"2026-11-20T09:30:00+01:00": to the second, with the offset the feed's times carry.</summary>
    private static string Rfc3339(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
