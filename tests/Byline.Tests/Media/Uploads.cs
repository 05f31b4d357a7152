using System.Net.Http.Headers;
using Byline.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Media;

/// <summary>Uploading as a test user, through the API and through the newsroom page, and what the database holds after.</summary>
public static class Uploads
{
    public const string Page = "/newsroom/images";
    public const string Api = "/api/v1/images";

    public sealed record Form(byte[] Bytes, string FileName = "photo.jpg", string ContentType = "image/jpeg", string? Alt = "Cranes at dawn", string? Caption = null, string? Credit = null);

    public static MultipartFormDataContent Multipart(Form form, string? antiforgeryToken = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(form.Bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(form.ContentType);
        content.Add(file, "file", form.FileName);
        if (form.Alt is not null)
        {
            content.Add(new StringContent(form.Alt), "alt");
        }
        if (form.Caption is not null)
        {
            content.Add(new StringContent(form.Caption), "caption");
        }
        if (form.Credit is not null)
        {
            content.Add(new StringContent(form.Credit), "credit");
        }
        if (antiforgeryToken is not null)
        {
            content.Add(new StringContent(antiforgeryToken), "__RequestVerificationToken");
        }
        return content;
    }

    public static async Task<HttpResponseMessage> PostToApiAsync(this HttpClient client, Form form)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = Multipart(form);
        return await client.PostAsync(Api, content);
    }

    /// <summary>Opens the page (for its antiforgery token and cookie) and posts the form, as a browser does.</summary>
    public static async Task<HttpResponseMessage> PostToPageAsync(this HttpClient client, Form form)
    {
        var page = await client.GetPageAsync(Page);
        var token = page.QuerySelector("form.media-upload input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), "The upload form carries no antiforgery token.");
        using var content = Multipart(form, token);
        return await client.PostAsync(Page, content);
    }

    /// <summary>A client acting as the user (bearer token) that keeps cookies over https, as the antiforgery cookie needs.</summary>
    public static HttpClient BrowserFor(this BylineFactory factory, TestUsers.TestUser user)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        return client;
    }

    public static async Task<(int Images, int Renditions)> CountsAsync(this BylineFactory factory)
    {
        await using var db = factory.CreateDbContext();
        return (await db.Images.CountAsync(), await db.ImageRenditions.CountAsync());
    }
}
