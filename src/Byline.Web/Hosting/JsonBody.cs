using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Byline.Web.Hosting;

/// <summary>Reads a JSON request body into a DTO, answering every way it can fail with a clear problem instead of an exception.</summary>
public static class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.Create(415, "unsupported-media-type", "Send the body as JSON with Content-Type: application/json."));
        }
        try
        {
            var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
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
}
