using System.Net;
using AngleSharp.Dom;
using Byline.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Byline.Tests.Accounts;

/// <summary>
/// One browser-like visitor of the app: keeps its cookies (over https, as the Secure cookies need), follows no
/// redirects, and submits forms with the antiforgery token of the page they are on, as a browser would.
/// </summary>
public sealed class AccountSession(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public static AccountSession Start(BylineFactory factory) => new(factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    }));

    public Task<IDocument> PageAsync(string url) => Client.GetPageAsync(url);

    /// <summary>Opens <paramref name="page"/> and posts <paramref name="fields"/> (plus its antiforgery token) to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string action, IDictionary<string, string> fields)
    {
        var document = await PageAsync(page);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"{page} has no antiforgery token");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token! };
        return await Client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    public Task<HttpResponseMessage> SubmitAsync(string page, IDictionary<string, string> fields) => SubmitAsync(page, page, fields);

    public async Task SignInAsync(string email, string password)
    {
        var response = await SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in answered {(int)response.StatusCode}: {await FormErrorAsync(response)}");
    }

    /// <summary>The form-level error a page shows (or the whole body when it has none).</summary>
    public static async Task<string> FormErrorAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return Http.Parse(html).QuerySelector(".form-error")?.Text() ?? html;
    }

    public void Dispose() => Client.Dispose();
}
