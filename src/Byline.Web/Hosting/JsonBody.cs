using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Byline.Web.Hosting;

/// <summary>Reads a JSON request body into a DTO, answering every way it can fail with a clear problem instead of an exception.</summary>
public static class JsonBody
{
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> ReadOptions = new();

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.Create(415, "unsupported-media-type", "Send the body as JSON with Content-Type: application/json."));
        }
        try
        {
            var options = ReadOptions.GetValue(
                request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions,
                static shared => new JsonSerializerOptions(shared) { Converters = { new ClientTextConverter() } });
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
            return value is null
                ? (null, Problems.Create(400, "malformed-json", "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? "" : $" at {ex.Path}";
            return (null, Problems.Create(400, "malformed-json", $"The body is not valid JSON for this request{where} (check syntax, types and UTF-8 encoding)."));
        }
        catch (BadHttpRequestException ex)
        {
            return (null, Problems.Create(ex.StatusCode, Problems.CodeFor(ex.StatusCode),
                ex.StatusCode == 413 ? "The request body is too large." : "The request body could not be read."));
        }
    }

    /// <summary>
    /// Reads a JSON string the way a text decoder does: text that is not valid Unicode (invalid UTF-8 bytes, an escaped
    /// lone surrogate such as "\ud800") becomes U+FFFD, which the feature's text validation refuses as invalid text,
    /// naming the field, instead of the whole body failing as malformed JSON.
    /// </summary>
    private sealed class ClientTextConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return reader.GetString();
            }
            catch (InvalidOperationException) when (reader.TokenType == JsonTokenType.String)
            {
                return "\uFFFD";
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
