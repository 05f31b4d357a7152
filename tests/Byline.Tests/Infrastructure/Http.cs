using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Byline.Tests.Infrastructure;

/// <summary>Reading what the app answered: HTML pages as DOMs, JSON errors as problem details.</summary>
public static class Http
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions(), BrowsingContext.New(Configuration.Default));

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var media = response.Content.Headers.ContentType?.MediaType;
        Assert.True(media == "text/html", $"Expected an HTML page but got '{media}' ({(int)response.StatusCode}).");
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs a page, asserts 200 and HTML, and parses it.</summary>
    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await ParseAsync(response);
    }

    /// <summary>Asserts an RFC 9457 problem with the given status and stable code; returns the problem for more checks.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {code} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The text of an element with runs of whitespace collapsed, as a reader sees it.</summary>
    public static string Text(this IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
