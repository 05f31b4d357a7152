using System.Net;
using System.Text;
using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Media;

/// <summary>
/// The site accepts bodies of 1 MB (forms: 256 KB of multipart); the two upload endpoints alone accept 20 MB files.
/// Body limits are enforced by the real server only, so these tests run the app on Kestrel.
/// </summary>
public sealed class UploadSizeTests : IDisposable
{
    private readonly Dictionary<string, BylineFactory> apps = [];
    private readonly List<HttpClient> clients = [];

    private async Task<(BylineFactory Factory, HttpClient Client, TestUsers.TestUser Writer)> AppAsync(string provider)
    {
        if (!apps.TryGetValue(provider, out var factory))
        {
            factory = new BylineFactory(provider, kestrel: true);
            apps[provider] = factory;
        }
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var plain = factory.CreateNoRedirectClient();
        // "Expect: 100-continue", as curl sends for large bodies, and time for a busy server to answer it: the server
        // can refuse a body before it is sent. Otherwise its early 413 races the upload, and the client may see the
        // connection closed instead of the answer.
        var client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            Expect100ContinueTimeout = TimeSpan.FromSeconds(60),
        })
        { BaseAddress = plain.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", writer.Token);
        client.DefaultRequestHeaders.ExpectContinue = true;
        clients.Add(client);
        return (factory, client, writer);
    }

    public void Dispose()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }
        foreach (var app in apps.Values)
        {
            app.Dispose();
        }
    }

    /// <summary>Random pixels do not compress: a PNG of several megabytes.</summary>
    private static byte[] LargePng()
    {
        using var noise = TestImages.Noise(1300, 1000);
        var bytes = TestImages.Encode(noise, SkiaSharp.SKEncodedImageFormat.Png);
        Assert.True(bytes.Length > 3 * 1024 * 1024, $"The test PNG is only {bytes.Length} bytes.");
        return bytes;
    }

    /// <summary>The page's antiforgery token and cookie, fetched as a browser would (this client keeps no cookies).</summary>
    private static async Task<(string Token, string Cookie)> AntiforgeryAsync(HttpClient client)
    {
        var response = await client.GetAsync(Uploads.Page);
        var page = await Http.ParseAsync(response);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        return (token, cookie);
    }

    private static async Task<HttpResponseMessage> PostToPageAsync(HttpClient client, Uploads.Form form)
    {
        var (token, cookie) = await AntiforgeryAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, Uploads.Page) { Content = Uploads.Multipart(form, token) };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ImageOfSeveralMegabytesIsAcceptedOnThePageAndThroughTheApi(string provider)
    {
        var (factory, client, _) = await AppAsync(provider);
        var png = LargePng();
        var before = await factory.CountsAsync();

        var api = await client.PostToApiAsync(new(png, "noise.png", "image/png"));
        Assert.True(api.StatusCode == HttpStatusCode.Created, await api.Content.ReadAsStringAsync());
        var page = await PostToPageAsync(client, new(png, "noise.png", "image/png"));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);

        // 1300 pixels wide: 320, 640, 1024 and 1300, each as WebP and JPEG.
        Assert.Equal((before.Images + 2, before.Renditions + 16), await factory.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BodyOverTheUploadLimitIs413OnTheApiAndAMessageOnThePage(string provider)
    {
        var (factory, client, _) = await AppAsync(provider);
        var huge = new byte[25 * 1024 * 1024];
        TestImages.Jpeg().CopyTo(huge, 0);
        var before = await factory.CountsAsync();

        var api = await client.PostToApiAsync(new(huge));
        var problem = await Http.AssertProblemAsync(api, HttpStatusCode.RequestEntityTooLarge, "image-too-large");
        Assert.StartsWith("The file is larger than 20 MB.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var page = await PostToPageAsync(client, new(huge));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/newsroom/images?refused=too-large", page.Headers.Location?.OriginalString);
        var shown = await Http.ParseAsync(await client.GetAsync(page.Headers.Location));
        Assert.StartsWith("The file is larger than 20 MB.", shown.QuerySelector("#image-file-error")?.Text(), StringComparison.Ordinal);

        Assert.Equal(before, await factory.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EverywhereElseTheSiteWideLimitsStillHold(string provider)
    {
        var (factory, client, _) = await AppAsync(provider);
        var slug = Unique.Slug("limits");
        await factory.AddStoryAsync(slug);

        var json = await client.PostAsync($"/api/v1/articles/{slug}/comments",
            new StringContent("{\"body\":\"" + new string('a', 2 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, json.StatusCode);

        using var multipart = new MultipartFormDataContent { { new ByteArrayContent(LargePng()), "file", "noise.png" }, { new StringContent("x"), "Body" } };
        var form = await client.PostAsync($"/world/{slug}", multipart);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, form.StatusCode);
        Assert.Equal((0, 0), await factory.CommentCountsAsync(slug));
    }
}
