using System.Net;
using System.Text.Json;
using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;
using Byline.Tests.Newsroom;
using Byline.Web;
using Byline.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Media;

/// <summary>A story's lead image on its public page (a responsive picture under the header) and in the articles API.</summary>
public sealed class LeadImageTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static async Task<string> UploadAsync(BylineFactory factory, int width, int height, string? caption = "Cranes idle at Port Averel.", string? credit = "Ines Moreau")
    {
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        using var photo = TestImages.Halves(width, height);
        var response = await client.PostToApiAsync(new(TestImages.Encode(photo, SkiaSharp.SKEncodedImageFormat.Jpeg), Alt: "Cranes at dawn over the harbour", Caption: caption, Credit: credit));
        return (await response.ReadJsonAsync()).GetProperty("key").GetString()!;
    }

    /// <summary>What the story editor does: set the lead image, bump the version (fragments are keyed by it), evict the page.</summary>
    private static async Task SetLeadImageAsync(BylineFactory factory, string slug, string? key)
    {
        await using var db = factory.CreateDbContext();
        var article = await db.Articles.SingleAsync(a => a.Slug == slug);
        article.LeadImageId = key is null ? null : await db.Images.Where(i => i.Key == key).Select(i => i.Id).SingleAsync();
        article.Version++;
        await db.SaveChangesAsync();
        factory.Services.GetRequiredService<PageCache>().Evict(CacheTags.Article(article.Id));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task StoryShowsItsLeadImageAsAResponsivePictureUnderTheHeader(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("lead");
        await factory.AddStoryAsync(slug);
        var key = await UploadAsync(factory, 1700, 1063);
        await SetLeadImageAsync(factory, slug, key);

        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");

        var figure = page.QuerySelector("article.story > header.story-header + figure.lead-image");
        Assert.NotNull(figure);
        var source = figure.QuerySelector("picture > source")!;
        Assert.Equal("image/webp", source.GetAttribute("type"));
        Assert.Equal($"/media/{key}/320.webp 320w, /media/{key}/640.webp 640w, /media/{key}/1024.webp 1024w, /media/{key}/1600.webp 1600w", source.GetAttribute("srcset"));
        Assert.Equal("(min-width: 48rem) 46rem, 100vw", source.GetAttribute("sizes"));
        var img = figure.QuerySelector("picture > source + img")!;
        Assert.Equal($"/media/{key}/1024.jpg", img.GetAttribute("src"));
        Assert.Equal($"/media/{key}/320.jpg 320w, /media/{key}/640.jpg 640w, /media/{key}/1024.jpg 1024w, /media/{key}/1600.jpg 1600w", img.GetAttribute("srcset"));
        Assert.Equal("(min-width: 48rem) 46rem, 100vw", img.GetAttribute("sizes"));
        Assert.Equal(("1024", "640"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("Cranes at dawn over the harbour", img.GetAttribute("alt"));
        Assert.Equal(("eager", "async"), (img.GetAttribute("loading"), img.GetAttribute("decoding")));
        Assert.Equal("Cranes idle at Port Averel. Photo: Ines Moreau", figure.QuerySelector("figcaption")?.Text());
        Assert.Equal("Photo: Ines Moreau", figure.QuerySelector("figcaption .credit")?.Text());

        // Every URL in the srcsets is served.
        using var client = factory.CreateClient();
        foreach (var url in (source.GetAttribute("srcset") + ", " + img.GetAttribute("srcset")).Split(", ").Select(s => s.Split(' ')[0]))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SmallLeadImageWithoutCaptionHasOneSizeAndNoFigcaption(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("small-lead");
        await factory.AddStoryAsync(slug);
        var key = await UploadAsync(factory, 300, 200, caption: null, credit: null);
        await SetLeadImageAsync(factory, slug, key);

        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");

        var img = page.QuerySelector("figure.lead-image img")!;
        Assert.Equal($"/media/{key}/300.jpg", img.GetAttribute("src"));
        Assert.Equal($"/media/{key}/300.jpg 300w", img.GetAttribute("srcset"));
        Assert.Equal(("300", "200"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Null(page.QuerySelector("figure.lead-image figcaption"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ChangingTheLeadImageShowsOnTheCachedStoryPage(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("lead-change");
        await factory.AddStoryAsync(slug);
        using var client = factory.CreateClient();
        // Render and cache the story without a lead image first.
        Assert.Null((await client.GetPageAsync($"/world/{slug}")).QuerySelector("figure.lead-image"));
        Assert.Null((await client.GetPageAsync($"/world/{slug}")).QuerySelector("figure.lead-image"));

        var key = await UploadAsync(factory, 700, 500);
        await SetLeadImageAsync(factory, slug, key);
        Assert.Equal($"/media/{key}/700.jpg", (await client.GetPageAsync($"/world/{slug}")).QuerySelector("figure.lead-image img")?.GetAttribute("src"));

        await SetLeadImageAsync(factory, slug, null);
        Assert.Null((await client.GetPageAsync($"/world/{slug}")).QuerySelector("figure.lead-image"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ArticlesApiDescribesTheLeadImage(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("lead-api");
        await factory.AddStoryAsync(slug);
        using var client = factory.CreateClient();
        Assert.Equal(JsonValueKind.Null, (await (await client.GetAsync($"/api/v1/articles/{slug}")).ReadJsonAsync()).GetProperty("leadImage").ValueKind);
        var key = await UploadAsync(factory, 1200, 800);
        await SetLeadImageAsync(factory, slug, key);

        var lead = (await (await client.GetAsync($"/api/v1/articles/{slug}")).ReadJsonAsync()).GetProperty("leadImage");

        Assert.Equal($"/media/{key}/1024.jpg", lead.GetProperty("url").GetString());
        Assert.Equal((1024, 683), (lead.GetProperty("width").GetInt32(), lead.GetProperty("height").GetInt32()));
        Assert.Equal("Cranes at dawn over the harbour", lead.GetProperty("alt").GetString());
        Assert.Equal("Cranes idle at Port Averel.", lead.GetProperty("caption").GetString());
        Assert.Equal("Ines Moreau", lead.GetProperty("credit").GetString());
        Assert.Equal($"/media/{key}/320.jpg 320w, /media/{key}/640.jpg 640w, /media/{key}/1024.jpg 1024w, /media/{key}/1200.jpg 1200w", lead.GetProperty("srcset").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EditorPreviewShowsTheChosenLeadImageAsTheStoryPageWould(string provider)
    {
        var factory = apps[provider];
        var key = await UploadAsync(factory, 1600, 1000);
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        var form = await client.EditorFormAsync("/newsroom/new");
        await using (var db = factory.CreateDbContext())
        {
            form["Form.LeadImageId"] = (await db.Images.Where(i => i.Key == key).Select(i => i.Id).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        form["Form.Headline"] = "Cranes fall silent";

        // The live preview's fragment, and the editor page's own preview (the Preview button without JavaScript).
        foreach (var url in new[] { "/newsroom/preview", "/newsroom/new?handler=Preview" })
        {
            var response = await form.PostAsync(client, url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var img = Http.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("article.story figure.lead-image img");
            Assert.True(img is not null, $"{url} shows no lead image");
            Assert.Equal("Cranes at dawn over the harbour", img.GetAttribute("alt"));
            Assert.Contains($"/media/{key}/", img.GetAttribute("src"), StringComparison.Ordinal);
        }
    }
}
