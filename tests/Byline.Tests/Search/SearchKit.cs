using System.Net;
using System.Text.Json;
using Byline.Tests.Infrastructure;
using Byline.Web.Hosting.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Search;

public static class SearchKit
{
    /// <summary>Runs the queued indexing (the tests' apps run background work only when told).</summary>
    public static Task IndexAsync(this BylineFactory factory) =>
        factory.Services.GetRequiredService<OutboxWorker>().RunDueAsync(CancellationToken.None);

    /// <summary>GET /api/v1/search with the given query string; asserts 200 and returns the results.</summary>
    public static async Task<List<JsonElement>> SearchAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/search?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"search {query} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return [.. (await response.ReadJsonAsync()).GetProperty("results").EnumerateArray()];
    }

    public static string Q(string text) => "q=" + Uri.EscapeDataString(text);

    public static long? CommentId(this JsonElement hit) =>
        hit.GetProperty("commentId").ValueKind == JsonValueKind.Null ? null : hit.GetProperty("commentId").GetInt64();

    public static string Url(this JsonElement hit) => hit.GetProperty("url").GetString()!;

    public static List<string> Marked(this JsonElement hit)
    {
        var snippet = hit.GetProperty("snippet");
        var text = snippet.GetProperty("text").GetString()!;
        return [.. snippet.GetProperty("highlights").EnumerateArray().Select(h => text.Substring(h.GetProperty("start").GetInt32(), h.GetProperty("length").GetInt32()))];
    }
}
