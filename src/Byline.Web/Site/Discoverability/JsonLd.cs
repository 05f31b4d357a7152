using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Byline.Web.Site.Discoverability;

/// <summary>
/// Structured data as the text of a <c>&lt;script type="application/ld+json"&gt;</c> element. Headlines, bios and
/// corrections are user text, so nothing in the output may close that element: the encoder writes every <c>&lt;</c>,
/// <c>&gt;</c>, <c>&amp;</c> and quote as a \u escape, while letters of every script stay readable.
/// </summary>
public static class JsonLd
{
    public const string Context = "https://schema.org";

    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The document with its <c>@context</c> first.</summary>
    public static string Serialize(JsonObject thing)
    {
        ArgumentNullException.ThrowIfNull(thing);
        var document = new JsonObject { ["@context"] = Context };
        foreach (var (name, value) in thing)
        {
            document[name] = value?.DeepClone();
        }
        var json = document.ToJsonString(Options);
        // The encoder already escapes it; this keeps the guarantee should its defaults ever change. JSON has '<' only
        // inside strings, where \u003C means the same.
        return json.Replace("<", "\\u003C", StringComparison.Ordinal);
    }
}
