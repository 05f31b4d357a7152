using System.Net;
using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;
using Byline.Tests.Newsroom;
using Byline.Web.Media;
using Byline.Web.Site.Discoverability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using static Byline.Tests.Site.Discoverability.DiscoveryKit;

namespace Byline.Tests.Site.Discoverability;

/// <summary>
/// Open Graph and Twitter cards (with the image falling back from the story's to the site's to the built-in one),
/// canonical links, and robots meta tags. Its own app: one test changes the site image.
/// </summary>
public sealed class SocialCardTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Fact]
    public async Task StoryCardHasArticleFactsAndTheWideCropOfItsLeadImage()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("card");
        await factory.AddStoryAsync(slug, writers: ["Ingrid Halvorsen", "Tomás Ruiz"],
            published: new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), updated: new DateTimeOffset(2026, 11, 22, 7, 0, 0, TimeSpan.Zero));
        await factory.ChangeStoryAsync(slug, (_, article) =>
        {
            article.Tags = ["shipping", "levy"];
            return Task.CompletedTask;
        });
        var key = await factory.UploadImageAsync(1700, 1063, alt: "Cranes idle at dawn");
        await factory.SetLeadImageAsync(slug, key);

        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}?sort=oldest&utm_source=x");

        var url = $"{Origin}/world/{slug}";
        Assert.Equal(url, Canonical(page));
        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal(TestData.Headline, Meta(page, "og:title"));
        Assert.Equal(TestData.Standfirst, Meta(page, "og:description"));
        Assert.Equal(url, Meta(page, "og:url"));
        Assert.Equal("Byline", Meta(page, "og:site_name"));
        Assert.Equal("en_US", Meta(page, "og:locale"));
        // The largest rendition is 1600×1000; its 16:9 centre is 1600×900, scaled to the card width of 1200.
        Assert.Equal($"{Origin}/media/{key}/crop/16x9.jpg", Meta(page, "og:image"));
        Assert.Equal(("1200", "675"), (Meta(page, "og:image:width"), Meta(page, "og:image:height")));
        Assert.Equal("Cranes idle at dawn", Meta(page, "og:image:alt"));
        Assert.Equal("2026-11-20T09:30:00+00:00", Meta(page, "article:published_time"));
        Assert.Equal("2026-11-22T07:00:00+00:00", Meta(page, "article:modified_time"));
        Assert.Equal([$"{Origin}/writers/ingrid-halvorsen", $"{Origin}/writers/tomas-ruiz"], Metas(page, "article:author"));
        Assert.Equal("world", Meta(page, "article:section"));
        Assert.Equal(["shipping", "levy"], Metas(page, "article:tag"));
        Assert.Equal("summary_large_image", Meta(page, "twitter:card"));
        Assert.Equal(TestData.Headline, Meta(page, "twitter:title"));
        Assert.Equal(TestData.Standfirst, Meta(page, "twitter:description"));
        Assert.Equal($"{Origin}/media/{key}/crop/16x9.jpg", Meta(page, "twitter:image"));
        Assert.Null(Robots(page));
    }

    [Fact]
    public async Task CardCropsAreServedAtTheSizesThePageStatesAndMadeOnce()
    {
        var factory = apps[Databases.Sqlite];
        var key = await factory.UploadImageAsync(1700, 1063);
        using var client = factory.CreateClient();

        foreach (var (aspect, width, height) in new[] { ("1x1", 1000, 1000), ("4x3", 1200, 900), ("16x9", 1200, 675) })
        {
            var response = await client.GetAsync($"/media/{key}/crop/{aspect}.jpg");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(ImageServing.CacheControl, response.Headers.CacheControl?.ToString());
            using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
            // A centre crop of a picture red on the left and blue on the right keeps both halves.
            Byline.Tests.Media.ImageAssert.Near(Byline.Tests.Media.TestImages.Left, bitmap.GetPixel(width / 8, height / 2));
            Byline.Tests.Media.ImageAssert.Near(Byline.Tests.Media.TestImages.Right, bitmap.GetPixel(width * 7 / 8, height / 2));
            // The second request reads the stored crop.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/media/{key}/crop/{aspect}.jpg")).StatusCode);
        }

        var imageId = await factory.ImageIdAsync(key);
        await using var db = factory.CreateDbContext();
        var crops = await db.ImageRenditions.Where(r => r.ImageId == imageId && r.ContentType.Contains("crop"))
            .Select(r => new { r.ContentType, r.Width, r.Height }).ToListAsync();
        Assert.Equal(3, crops.Count);
        Assert.Contains(crops, c => c.ContentType == "image/jpeg; crop=16x9" && c.Width == 1200 && c.Height == 675);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/{key}/crop/3x2.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/media/no-such-image-key-at-all/crop/1x1.jpg")).StatusCode);
    }

    [Fact]
    public async Task WithoutALeadImageTheCardFallsBackToTheSiteImageThenTheBuiltInOne()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("no-image");
        await factory.AddStoryAsync(slug);
        using var client = factory.CreateClient();

        var builtIn = await client.GetPageAsync($"/world/{slug}");
        Assert.Equal($"{Origin}{BuiltInImages.CardPath}", Meta(builtIn, "og:image"));
        Assert.Equal(("1200", "630"), (Meta(builtIn, "og:image:width"), Meta(builtIn, "og:image:height")));
        Assert.Equal($"{Origin}{BuiltInImages.CardPath}", Meta(builtIn, "twitter:image"));
        var card = await client.GetAsync(BuiltInImages.CardPath);
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        using (var bitmap = SKBitmap.Decode(await card.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((BuiltInImages.CardWidth, BuiltInImages.CardHeight), (bitmap.Width, bitmap.Height));
        }
        using (var bitmap = SKBitmap.Decode(await client.GetByteArrayAsync(BuiltInImages.LogoPath)))
        {
            Assert.Equal((BuiltInImages.LogoSize, BuiltInImages.LogoSize), (bitmap.Width, bitmap.Height));
        }

        var siteImage = await factory.UploadImageAsync(1400, 700, alt: "The Byline masthead");
        try
        {
            var siteImageId = await factory.ImageIdAsync(siteImage);
            await factory.UpdateSiteSettingsAsync(s => s.SiteImageId = siteImageId);
            await factory.ChangeStoryAsync(slug, (_, _) => Task.CompletedTask);

            var withSiteImage = await client.GetPageAsync($"/world/{slug}");

            // The largest rendition a card needs: 1024 wide (the next is the picture's own 1400).
            Assert.Equal($"{Origin}/media/{siteImage}/1024.jpg", Meta(withSiteImage, "og:image"));
            Assert.Equal(("1024", "512"), (Meta(withSiteImage, "og:image:width"), Meta(withSiteImage, "og:image:height")));
            Assert.Equal("The Byline masthead", Meta(withSiteImage, "og:image:alt"));
            var logo = JsonLdOfType(withSiteImage, "NewsArticle").GetProperty("publisher").GetProperty("logo");
            Assert.Equal($"{Origin}/media/{siteImage}/1024.jpg", logo.GetProperty("url").GetString());
            factory.Services.GetRequiredService<Byline.Web.Hosting.PageCache>().Evict(Byline.Web.CacheTags.Fronts);
            var front = await client.GetPageAsync("/");
            Assert.Equal($"{Origin}/media/{siteImage}/1024.jpg", Meta(front, "og:image"));
        }
        finally
        {
            await factory.UpdateSiteSettingsAsync(s => s.SiteImageId = null);
            factory.Services.GetRequiredService<Byline.Web.Hosting.PageCache>().Evict(Byline.Web.CacheTags.Fronts);
        }
    }

    [Fact]
    public async Task FrontSectionAndWriterPagesHaveWebsiteOrProfileCardsAndPagedCanonicals()
    {
        var factory = apps[Databases.Sqlite];
        var section = "Harbours " + Unique.Suffix();
        var sectionSlug = Byline.Web.Articles.Slugs.From(section);
        await factory.AddStoryAsync(Unique.Slug("harbour"), section: section);
        using var client = factory.CreateClient();

        var front = await client.GetPageAsync("/");
        Assert.Equal(("website", "Byline", "News and reader discussion."), (Meta(front, "og:type"), Meta(front, "og:title"), Meta(front, "og:description")));
        Assert.Equal($"{Origin}/", Meta(front, "og:url"));
        Assert.Equal("News and reader discussion.", Meta(front, "description"));
        Assert.Equal($"{Origin}{BuiltInImages.CardPath}", Meta(front, "og:image"));
        Assert.Equal("summary_large_image", Meta(front, "twitter:card"));

        var cursor = "638999999999999999-12";
        var older = await client.GetPageAsync($"/?before={cursor}&utm_campaign=x");
        Assert.Equal($"{Origin}/?before={cursor}", Canonical(older));
        Assert.Equal($"{Origin}/", Canonical(await client.GetPageAsync("/?before=not-a-cursor")));

        var sectionPage = await client.GetPageAsync($"/{sectionSlug}");
        Assert.Equal($"{Origin}/{sectionSlug}", Canonical(sectionPage));
        Assert.Equal(("website", section, $"{Origin}/{sectionSlug}"), (Meta(sectionPage, "og:type"), Meta(sectionPage, "og:title"), Meta(sectionPage, "og:url")));
        Assert.Equal($"{Origin}/{sectionSlug}?before={cursor}", Canonical(await client.GetPageAsync($"/{sectionSlug}?before={cursor}")));

        var writer = await client.GetPageAsync("/writers/ingrid-halvorsen");
        Assert.Equal(("profile", "Ingrid Halvorsen", $"{Origin}/writers/ingrid-halvorsen"), (Meta(writer, "og:type"), Meta(writer, "og:title"), Meta(writer, "og:url")));

        var storySlug = Unique.Slug("discussed");
        await factory.AddStoryAsync(storySlug);
        var discussion = await client.GetPageAsync($"/world/{storySlug}/comments?sort=top");
        Assert.Equal($"{Origin}/world/{storySlug}/comments", Canonical(discussion));
        Assert.Null(Robots(discussion));
    }

    [Fact]
    public async Task StoryInAnotherLanguageHasItsOpenGraphLocale()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("zh");
        await factory.AddStoryAsync(slug, language: "zh-Hans", headline: "港口征费达成协议");

        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");

        Assert.Equal("zh_CN", Meta(page, "og:locale"));
        Assert.Equal("港口征费达成协议", Meta(page, "og:title"));
    }

    [Theory]
    [InlineData("en", "en_US")]
    [InlineData("en-GB", "en_GB")]
    [InlineData("ja", "ja_JP")]
    [InlineData("ar", "ar_SA")]
    [InlineData("zh-Hant", "zh_TW")]
    [InlineData("not a language", "en_US")]
    [InlineData("", "en_US")]
    public void OpenGraphLocaleHasATerritory(string language, string locale) =>
        Assert.Equal(locale, OpenGraphLocale.From(language));

    [Fact]
    public async Task PrivatePagesErrorsPreviewsAndCommentFormsAreNoindex()
    {
        var factory = apps[Databases.Sqlite];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var signedIn = factory.ClientFor(writer);
        using var anonymous = factory.CreateClient();
        var slug = Unique.Slug("indexed");
        await factory.AddStoryAsync(slug);

        Assert.Null(Robots(await anonymous.GetPageAsync($"/world/{slug}")));
        Assert.Null(Robots(await anonymous.GetPageAsync("/")));
        Assert.Equal("noindex", Robots(await anonymous.GetPageAsync("/account/sign-in")));
        Assert.Equal("noindex", Robots(Http.Parse(await (await anonymous.GetAsync("/world/no-such-story")).Content.ReadAsStringAsync())));
        Assert.Equal("noindex", Robots(await signedIn.GetPageAsync("/newsroom")));

        // The preview without JavaScript is the editor page; with it, a fragment that says so in a header.
        var form = await signedIn.EditorFormAsync("/newsroom/new");
        Assert.Equal("noindex", Robots(await signedIn.GetPageAsync("/newsroom/new")));
        var preview = new HttpRequestMessage(HttpMethod.Post, "/newsroom/preview")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form["__RequestVerificationToken"]!,
                ["Form.Headline"] = "Not published yet",
                ["Form.SectionId"] = (await factory.SectionAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Form.Body"] = "Draft words.",
            }),
        };
        preview.Headers.Add("RequestVerificationToken", form["__RequestVerificationToken"]);
        var fragment = await signedIn.SendAsync(preview);
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.Equal("noindex", fragment.Headers.GetValues("X-Robots-Tag").Single());

        var comment = await factory.AddThreadsAsync(slug, [0]);
        Assert.Equal("noindex", Robots(await anonymous.GetPageAsync($"/world/{slug}/reply/{comment[0].RootId}")));
    }
}
