using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Byline.BrowserTests.Infrastructure;
using Byline.Data;
using Byline.Data.Accounts;
using Byline.Web;
using Byline.Web.Accounts;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;

namespace Byline.BrowserTests;

/// <summary>
/// The image library in a real browser, signed in with a writer's API token (this branch has no sign-in page; the
/// policy scheme accepts tokens on pages), and a story's lead image as Chromium picks and loads it.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class MediaTests(BylineSite site)
{
    private const string Library = "/newsroom/images";

    [Fact]
    public async Task WriterUploadsAnImageAndSeesItListedWithItsMarkdown()
    {
        await using var context = await WriterContextAsync();
        var page = await context.OpenAsync(Library);
        var alt = $"Harbour cranes at dawn {Guid.NewGuid():N}";

        await page.GetByLabel("Image file").SetInputFilesAsync(new FilePayload { Name = "cranes.jpg", MimeType = "image/jpeg", Buffer = Photo(1400, 900) });
        await page.GetByLabel("Alt text").FillAsync(alt);
        await page.GetByLabel("Caption").FillAsync("Cranes idle at Port Averel.");
        await page.GetByLabel("Credit").FillAsync("Ines Moreau");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Upload image" }).ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/newsroom/images\?uploaded=[\w-]+#image-[\w-]+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Image uploaded.");
        var item = page.Locator(".media-item.is-new");
        await Assertions.Expect(item.Locator(".media-alt")).ToHaveTextAsync(alt);
        await Assertions.Expect(item.Locator(".media-caption")).ToHaveTextAsync("Cranes idle at Port Averel. Photo: Ines Moreau");
        var snippet = await item.GetByLabel("Markdown").InputValueAsync();
        Assert.Matches($@"^!\[{alt}\]\(/media/[\w-]{{22}}/1024\.webp ""Cranes idle at Port Averel\. \| Photo: Ines Moreau""\)$", snippet);
        var thumbnailWidth = await item.Locator("img.media-thumb").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : new Promise(r => img.onload = () => r(img.naturalWidth))");
        Assert.Equal(320, thumbnailWidth);
        await Assertions.Expect(item.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Copy" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task FileOverTwentyMegabytesIsRefusedBeforeItIsSent()
    {
        await using var context = await WriterContextAsync();
        var page = await context.OpenAsync(Library);
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;

        // A file on disk: the browser reads it itself (a 20 MB buffer sent over Playwright's protocol is slow).
        var huge = Path.Combine(Path.GetTempPath(), $"byline-huge-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(huge, new byte[(20 * 1024 * 1024) + 1]);
        try
        {
            await page.GetByLabel("Image file").SetInputFilesAsync(huge);
        }
        finally
        {
            File.Delete(huge);
        }
        await page.GetByLabel("Alt text").FillAsync("A very large file");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Upload image" }).ClickAsync();

        await Assertions.Expect(page.Locator("#image-file-error")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^The file is larger than 20 MB\\."));
        await Assertions.Expect(page.GetByLabel("Image file")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Image file")).ToBeFocusedAsync();
        Assert.Equal(0, posts);
    }

    [Theory]
    [InlineData(1280, "1024")]
    [InlineData(400, "640")]
    public async Task StoryLeadImageLoadsTheWebpRenditionThatFitsTheScreen(int viewportWidth, string expectedWidth)
    {
        var key = await UploadAsync(Photo(2000, 1250), "Cranes at dawn over the harbour");
        var (path, _) = await site.AddStoryAsync($"lead-{viewportWidth}", comments: 0);
        await SetLeadImageAsync(path[(path.LastIndexOf('/') + 1)..], key);
        await using var context = await site.NewContextAsync(width: viewportWidth);

        var page = await context.OpenAsync(path);

        var img = page.Locator("article.story > header + figure.lead-image img");
        await Assertions.Expect(img).ToHaveAttributeAsync("alt", "Cranes at dawn over the harbour");
        var loaded = await img.EvaluateAsync<JsonElement>(
            "img => new Promise(r => { const done = () => r({ src: img.currentSrc, width: img.naturalWidth }); img.complete ? done() : img.onload = done; })");
        Assert.EndsWith($"/media/{key}/{expectedWidth}.webp", loaded.GetProperty("src").GetString(), StringComparison.Ordinal);
        // Decoded (naturalWidth is the rendition's width scaled to the slot "sizes" gave it, so only > 0 is certain).
        Assert.True(loaded.GetProperty("width").GetInt32() > 0);
        // The figure spans the story column, at the image's proportions (no layout shift when it arrives).
        var box = await img.BoundingBoxAsync();
        var column = await page.Locator("article.story").BoundingBoxAsync();
        Assert.Equal(column!.Width, box!.Width, 1);
        Assert.Equal(box.Width * 1250 / 2000, box.Height, 2);
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task ImageLibraryHasNoAxeViolations(ColorScheme colorScheme)
    {
        await UploadAsync(Photo(700, 500), "A chart of night temperatures", caption: "Nights in Saltby.", credit: "Byline graphics");
        await using var context = await WriterContextAsync(colorScheme);
        var page = await context.OpenAsync(Library);
        // With an error shown next to a field, too.
        await page.GetByLabel("Image file").SetInputFilesAsync(new FilePayload { Name = "notes.jpg", MimeType = "image/jpeg", Buffer = Encoding.UTF8.GetBytes("not an image") });
        await page.GetByLabel("Alt text").FillAsync("Notes");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Upload image" }).ClickAsync();
        await Assertions.Expect(page.Locator("#image-file-error")).ToContainTextAsync("not a JPEG, PNG, WebP or GIF image");

        var result = await page.RunAxeAsync();

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    private static byte[] Photo(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height), [new SKColor(250, 170, 90), new SKColor(60, 90, 160)], SKShaderTileMode.Clamp) })
        using (var crane = new SKPaint { Color = new SKColor(30, 30, 40), StrokeWidth = width / 60f })
        {
            canvas.DrawRect(0, 0, width, height, sky);
            canvas.DrawLine(width * 0.3f, height, width * 0.3f, height * 0.3f, crane);
            canvas.DrawLine(width * 0.2f, height * 0.3f, width * 0.7f, height * 0.3f, crane);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    private async Task<string> WriterTokenAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>();
        var email = $"writer-{Guid.NewGuid():N}@example.test";
        var user = new BylineUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Photo Desk", CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, "correct horse battery")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Writer)).Succeeded);
        return (await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "browser tests", CancellationToken.None)).Secret;
    }

    private async Task<IBrowserContext> WriterContextAsync(ColorScheme colorScheme = ColorScheme.Light)
    {
        var token = await WriterTokenAsync();
        var context = await site.NewContextAsync(colorScheme: colorScheme);
        await context.SetExtraHTTPHeadersAsync([new("Authorization", $"Bearer {token}")]);
        return context;
    }

    private async Task<string> UploadAsync(byte[] bytes, string alt, string? caption = null, string? credit = null)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "photo.jpg" }, { new StringContent(alt), "alt" } };
        if (caption is not null)
        {
            content.Add(new StringContent(caption), "caption");
        }
        if (credit is not null)
        {
            content.Add(new StringContent(credit), "credit");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/images") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await WriterTokenAsync());
        using var response = await site.Api.SendAsync(request);
        var json = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("key").GetString()!;
    }

    /// <summary>As the story editor does: set the lead image and bump the version in one save, then evict the cached page.</summary>
    private async Task SetLeadImageAsync(string slug, string key)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
        var article = await db.Articles.SingleAsync(a => a.Slug == slug);
        article.LeadImageId = await db.Images.Where(i => i.Key == key).Select(i => i.Id).SingleAsync();
        article.Version++;
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<PageCache>().Evict(CacheTags.Article(article.Id));
    }
}
