using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Byline.Tests.Infrastructure;

/// <summary>
/// Posting Razor Pages forms the way a browser does: GET the page, take the form's fields (the antiforgery token
/// among them; its cookie stays in the client), fill in values and POST to the form's action.
/// </summary>
public static class Forms
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>
    /// A client for form pages: keeps cookies (the antiforgery cookie, and Secure ones, on an https base address),
    /// does not follow redirects, and authenticates as <paramref name="user"/> with their API token when given.
    /// </summary>
    public static HttpClient FormClient(this BylineFactory factory, TestUsers.TestUser? user = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        }
        return client;
    }

    /// <summary>GETs <paramref name="pageUrl"/> and submits its form matching <paramref name="formSelector"/>, with the given values over the form's own.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, string pageUrl, string formSelector, params (string Name, string Value)[] values)
    {
        var page = await client.GetPageAsync(pageUrl);
        return await client.SubmitAsync(page, pageUrl, formSelector, values);
    }

    /// <summary>Submits a form of a page already fetched from <paramref name="pageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IDocument page, string pageUrl, string formSelector, params (string Name, string Value)[] values)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"{pageUrl} has no form matching '{formSelector}'.");
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is not ("submit" or "button" or "checkbox" or "radio" or "file"))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(form.Elements.OfType<IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name)).Select(t => new KeyValuePair<string, string>(t.Name!, t.Value)))
            .Where(field => !values.Any(v => v.Name == field.Key))
            .Concat(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)))
            .ToList();
        var action = form.GetAttribute("action") is { Length: > 0 } explicitAction ? explicitAction : pageUrl;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(action, content);
    }

    /// <summary>The antiforgery token of the first form on a page, for posting what no form on the page offers (someone else's id).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var page = await client.GetPageAsync(pageUrl);
        return page.QuerySelector($"input[name={AntiforgeryField}]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{pageUrl} has no antiforgery token.");
    }

    /// <summary>POSTs fields with the antiforgery token taken from <paramref name="pageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(
        this HttpClient client, string pageUrl, string postUrl, params (string Name, string Value)[] values)
    {
        var token = await client.AntiforgeryTokenAsync(pageUrl);
        using var content = new FormUrlEncodedContent(
            values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)).Append(new(AntiforgeryField, token)));
        return await client.PostAsync(postUrl, content);
    }
}
