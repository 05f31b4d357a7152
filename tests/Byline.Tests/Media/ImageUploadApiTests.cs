using System.Net;
using System.Text.Json;
using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Media;

public sealed class ImageUploadApiTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WriterUploadsAJpegAndGetsEveryRenditionUrl(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        using var photo = TestImages.Halves(1100, 700);

        var response = await client.PostToApiAsync(new(TestImages.Encode(photo, SkiaSharp.SKEncodedImageFormat.Jpeg), "IMG_0001.JPG",
            Alt: "Two cranes against a dawn sky", Caption: "Port Averel at dawn.", Credit: "Ines Moreau"));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = await response.ReadJsonAsync();
        var key = json.GetProperty("key").GetString()!;
        Assert.Matches("^[A-Za-z0-9_-]{22}$", key);
        Assert.Equal($"/media/{key}/1024.webp", json.GetProperty("url").GetString());
        Assert.Equal(response.Headers.Location?.OriginalString, json.GetProperty("url").GetString());
        Assert.Equal((1100, 700), (json.GetProperty("width").GetInt32(), json.GetProperty("height").GetInt32()));
        Assert.Equal($"![Two cranes against a dawn sky](/media/{key}/1024.webp \"Port Averel at dawn. | Photo: Ines Moreau\")", json.GetProperty("markdown").GetString());
        Assert.Equal($"/media/{key}/320.webp 320w, /media/{key}/640.webp 640w, /media/{key}/1024.webp 1024w, /media/{key}/1100.webp 1100w", json.GetProperty("srcset").GetString());
        var renditions = json.GetProperty("renditions").EnumerateArray().ToList();
        Assert.Equal(8, renditions.Count);
        Assert.Contains(renditions, r => r.GetProperty("url").GetString() == $"/media/{key}/640.jpg" && r.GetProperty("height").GetInt32() == 407);

        await using var db = factory.CreateDbContext();
        var stored = await db.Images.Include(i => i.Renditions).SingleAsync(i => i.Key == key);
        Assert.Equal(("Two cranes against a dawn sky", "Port Averel at dawn.", "Ines Moreau"), (stored.Alt, stored.Caption, stored.Credit));
        Assert.Equal(writer.Id, stored.UploadedByUserId);
        Assert.Equal(factory.Time.GetUtcNow(), stored.CreatedAt);
        Assert.Equal(8, stored.Renditions.Count);
        Assert.All(stored.Renditions, r => Assert.Equal(r.Bytes.Length, renditions.Single(j => j.GetProperty("url").GetString()!.EndsWith($"/{r.Width}.{(r.ContentType == "image/webp" ? "webp" : "jpg")}", StringComparison.Ordinal)).GetProperty("bytes").GetInt32()));

        var served = await client.GetAsync($"/media/{key}/1100.jpg");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(stored.Renditions.Single(r => r is { Width: 1100, ContentType: "image/jpeg" }).Bytes, await served.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PngWebpAndGifAreAcceptedWhateverTheyAreCalled(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        using var client = factory.ClientFor(editor);

        foreach (var (bytes, name) in new[] { (TestImages.Png(), "chart.jpg"), (TestImages.Webp(), "photo"), (TestImages.Gif(), "anim.png") })
        {
            var response = await client.PostToApiAsync(new(bytes, name, "application/octet-stream"));
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            var json = await response.ReadJsonAsync();
            Assert.Equal((64, 48), (json.GetProperty("width").GetInt32(), json.GetProperty("height").GetInt32()));
            Assert.Equal(["image/jpeg", "image/webp"], json.GetProperty("renditions").EnumerateArray().Select(r => r.GetProperty("contentType").GetString()).Order());
        }
    }

    [Theory]
    [MemberData(nameof(HostileUploads.OnEveryDatabase), MemberType = typeof(HostileUploads))]
    public async Task HostileFileIsRefusedWithItsCodeAndNothingIsStored(string provider, string name)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        var hostile = HostileUploads.Get(name);
        var before = await factory.CountsAsync();

        var response = await client.PostToApiAsync(hostile.Form);

        var problem = await Http.AssertProblemAsync(response, hostile.Status, hostile.Code);
        Assert.StartsWith(hostile.Message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("file", problem.GetProperty("field").GetString());
        Assert.Equal(before, await factory.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task MissingOrOverlongTextIsRefusedBeforeTheImageIsRead(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        var before = await factory.CountsAsync();

        await Http.AssertProblemAsync(await client.PostToApiAsync(new(TestImages.Jpeg(), Alt: null)), HttpStatusCode.BadRequest, "alt-required");
        await Http.AssertProblemAsync(await client.PostToApiAsync(new(TestImages.Jpeg(), Alt: " \t ")), HttpStatusCode.BadRequest, "alt-required");
        await Http.AssertProblemAsync(await client.PostToApiAsync(new(TestImages.Jpeg(), Alt: new string('a', 501))), HttpStatusCode.BadRequest, "alt-too-long");
        await Http.AssertProblemAsync(await client.PostToApiAsync(new(TestImages.Jpeg(), Caption: new string('c', 1001))), HttpStatusCode.BadRequest, "caption-too-long");
        await Http.AssertProblemAsync(await client.PostToApiAsync(new(TestImages.Jpeg(), Credit: new string('c', 201))), HttpStatusCode.BadRequest, "credit-too-long");
        await Http.AssertProblemAsync(await client.PostToApiAsync(new(TestImages.Jpeg(), Alt: "Bad \uD800 text")), HttpStatusCode.BadRequest, "invalid-text");

        Assert.Equal(before, await factory.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AltTextAtTheLimitIsStoredCleaned(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        var alt = new string('a', 499) + "é";

        var response = await client.PostToApiAsync(new(TestImages.Jpeg(), Alt: "  " + alt.Normalize(System.Text.NormalizationForm.FormD) + "\n", Caption: "  ", Credit: "Ana\u202E Lee"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal(alt, json.GetProperty("alt").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("caption").ValueKind);
        Assert.Equal("Ana Lee", json.GetProperty("credit").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UploadWithoutAFileOrNotMultipartIsRefused(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        var before = await factory.CountsAsync();

        using var noFile = new MultipartFormDataContent { { new StringContent("A photo"), "alt" } };
        await Http.AssertProblemAsync(await client.PostAsync(Uploads.Api, noFile), HttpStatusCode.BadRequest, "file-required");
        using var json = new StringContent("{\"alt\":\"A photo\"}", System.Text.Encoding.UTF8, "application/json");
        await Http.AssertProblemAsync(await client.PostAsync(Uploads.Api, json), HttpStatusCode.UnsupportedMediaType, "multipart-required");
        using var raw = new ByteArrayContent(TestImages.Jpeg());
        raw.Headers.ContentType = new("image/jpeg");
        await Http.AssertProblemAsync(await client.PostAsync(Uploads.Api, raw), HttpStatusCode.UnsupportedMediaType, "multipart-required");

        Assert.Equal(before, await factory.CountsAsync());
    }

    [Fact]
    public async Task OpenApiDescribesTheUploadForm()
    {
        var response = await apps[Databases.Sqlite].CreateClient().GetAsync("/openapi/v1.json");

        var post = (await response.ReadJsonAsync()).GetProperty("paths").GetProperty("/api/v1/images").GetProperty("post");
        var schema = post.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal(["alt", "file"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Equal("binary", schema.GetProperty("properties").GetProperty("file").GetProperty("format").GetString());
        Assert.True(post.GetProperty("responses").TryGetProperty("201", out _));
    }
}
