using System.Net;
using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Media;

/// <summary>The newsroom's upload page: a form with antiforgery, errors next to their fields, and the list of recent images.</summary>
public sealed class ImageUploadPageTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WriterUploadsOnThePageAndSeesTheImageListedWithItsMarkdown(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.BrowserFor(writer);
        using var photo = TestImages.Halves(900, 600);
        var alt = $"Dockworkers [on strike] at gate {Unique.Suffix()}";

        var response = await client.PostToPageAsync(new(TestImages.Encode(photo, SkiaSharp.SKEncodedImageFormat.Png), "strike.png", "image/png",
            Alt: alt, Caption: "The \"long\" night.", Credit: "Sam Okafor"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/newsroom/images\?uploaded=[A-Za-z0-9_-]{22}#image-[A-Za-z0-9_-]{22}$", location);
        var key = location[(location.IndexOf('=', StringComparison.Ordinal) + 1)..location.IndexOf('#', StringComparison.Ordinal)];

        var page = await client.GetPageAsync(location);
        Assert.Contains("Image uploaded.", page.QuerySelector("[role=status]")?.Text(), StringComparison.Ordinal);
        var item = page.QuerySelector($"#image-{key}");
        Assert.NotNull(item);
        Assert.Contains("is-new", item.ClassList);
        Assert.Equal(alt, item.QuerySelector(".media-alt")?.Text());
        Assert.Equal("The \"long\" night. Photo: Sam Okafor", item.QuerySelector(".media-caption")?.Text());
        var thumbnail = item.QuerySelector("img.media-thumb")!;
        Assert.Equal($"/media/{key}/320.webp", thumbnail.GetAttribute("src"));
        Assert.Equal(("320", "213"), (thumbnail.GetAttribute("width"), thumbnail.GetAttribute("height")));
        Assert.StartsWith("900 × 600 px · ", item.QuerySelector(".media-meta")?.Text(), StringComparison.Ordinal);
        var snippet = item.QuerySelector("input.media-snippet")!;
        Assert.Equal($"snippet-{key}", snippet.Id);
        Assert.NotNull(page.QuerySelector($"label[for=snippet-{key}]"));
        var escapedAlt = alt.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
        Assert.Equal($"![{escapedAlt}](/media/{key}/900.webp \"The \\\"long\\\" night. | Photo: Sam Okafor\")", snippet.GetAttribute("value"));

        var thumb = await client.GetAsync(thumbnail.GetAttribute("src"));
        Assert.Equal("image/webp", thumb.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheMarkdownOfAnUploadRendersAsAFigureInAStory(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        var uploaded = await (await client.PostToApiAsync(new(TestImages.Jpeg(), Alt: "A [bracketed] *starred* & odd alt", Caption: "Caption with \"quotes\" & more", Credit: "A. Photographer"))).ReadJsonAsync();
        var markdown = uploaded.GetProperty("markdown").GetString()!;
        var slug = Unique.Slug("figure");
        await factory.AddStoryAsync(slug, body: $"Before.\n\n{markdown}\n\nAfter.\n");

        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");

        var figure = page.QuerySelector(".story-body figure.image")!;
        var img = figure.QuerySelector("img")!;
        Assert.Equal(uploaded.GetProperty("url").GetString(), img.GetAttribute("src"));
        Assert.Equal("A [bracketed] *starred* & odd alt", img.GetAttribute("alt"));
        Assert.Equal("Caption with \"quotes\" & more Photo: A. Photographer", figure.QuerySelector("figcaption")?.Text());
        Assert.Equal("Photo: A. Photographer", figure.QuerySelector("figcaption .credit")?.Text());
    }

    [Theory]
    [MemberData(nameof(HostileUploads.OnEveryDatabase), MemberType = typeof(HostileUploads))]
    public async Task HostileFileShowsItsMessageNextToTheFileFieldAndStoresNothing(string provider, string name)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.BrowserFor(writer);
        var hostile = HostileUploads.Get(name);
        var before = await factory.CountsAsync();

        var response = await client.PostToPageAsync(hostile.Form with { Caption = "Kept caption" });

        Assert.Equal(hostile.Status, response.StatusCode);
        var page = await Http.ParseAsync(response);
        var input = page.QuerySelector("#image-file")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains("image-file-error", input.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.StartsWith(hostile.Message, page.QuerySelector("#image-file-error")?.Text(), StringComparison.Ordinal);
        // What the writer typed is kept; only the file must be chosen again.
        Assert.Equal("Cranes at dawn", page.QuerySelector("#image-alt")?.Text());
        Assert.Equal("Kept caption", page.QuerySelector("#image-caption")?.GetAttribute("value"));
        Assert.Equal(before, await factory.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task MissingAltTextShowsNextToItsFieldAndStoresNothing(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.BrowserFor(writer);
        var before = await factory.CountsAsync();

        var response = await client.PostToPageAsync(new(TestImages.Jpeg(), Alt: ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Http.ParseAsync(response);
        Assert.Equal("true", page.QuerySelector("#image-alt")?.GetAttribute("aria-invalid"));
        Assert.Equal("image-alt-help image-alt-error", page.QuerySelector("#image-alt")?.GetAttribute("aria-describedby"));
        Assert.StartsWith("Describe the image", page.QuerySelector("#image-alt-error")?.Text(), StringComparison.Ordinal);
        Assert.Equal("false", page.QuerySelector("#image-file")?.GetAttribute("aria-invalid"));
        Assert.Equal(before, await factory.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PostWithoutTheAntiforgeryTokenIsRefusedAndStoresNothing(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.BrowserFor(writer);
        var before = await factory.CountsAsync();

        using var content = Uploads.Multipart(new(TestImages.Jpeg()));
        var response = await client.PostAsync(Uploads.Page, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await factory.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PageListsTheNewestImagesFirst(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        using var client = factory.BrowserFor(editor);
        var first = await (await client.PostToApiAsync(new(TestImages.Png(), Alt: "First " + Unique.Suffix()))).ReadJsonAsync();
        var second = await (await client.PostToApiAsync(new(TestImages.Gif(), Alt: "Second " + Unique.Suffix()))).ReadJsonAsync();

        var page = await client.GetPageAsync(Uploads.Page);

        var ids = page.QuerySelectorAll(".media-item").Select(e => e.Id).ToList();
        Assert.True(ids.IndexOf("image-" + second.GetProperty("key").GetString()) < ids.IndexOf("image-" + first.GetProperty("key").GetString()));
        Assert.Null(page.QuerySelector("[role=status]"));
        Assert.Equal(1, page.QuerySelectorAll("h1").Length);
    }
}
