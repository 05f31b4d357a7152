using System.Text.Json;
using AngleSharp.Dom;
using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Byline.Tests.Media;
using Byline.Web;
using Byline.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Site.Discoverability;

/// <summary>Reading what a page tells search engines and link previews, and arranging stories that have a lot to tell.</summary>
public static class DiscoveryKit
{
    /// <summary>The origin of the in-memory test server, as the pages see the request.</summary>
    public const string Origin = "http://localhost";

    /// <summary>Every JSON-LD block of a page, parsed: a block that user text broke open would not parse.</summary>
    public static List<JsonElement> JsonLd(IDocument page) =>
        [.. page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement.Clone())];

    /// <summary>The one JSON-LD thing of that @type on the page.</summary>
    public static JsonElement JsonLdOfType(IDocument page, string type)
    {
        var things = JsonLd(page).Where(t => t.GetProperty("@type").GetString() == type).ToList();
        Assert.True(things.Count == 1, $"Expected one {type} in the page's JSON-LD, found {things.Count}.");
        return things[0];
    }

    /// <summary>The content of &lt;meta property=…&gt; (Open Graph) or &lt;meta name=…&gt; (Twitter, robots); null if absent.</summary>
    public static string? Meta(IDocument page, string key) =>
        page.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

    public static List<string?> Metas(IDocument page, string key) =>
        [.. page.QuerySelectorAll($"meta[property='{key}'], meta[name='{key}']").Select(m => m.GetAttribute("content"))];

    public static string? Canonical(IDocument page) => page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");

    public static string? Robots(IDocument page) => Meta(page, "robots");

    /// <summary>Uploads a photo (red left half, blue right half) as a new writer; answers its key.</summary>
    public static async Task<string> UploadImageAsync(this BylineFactory factory, int width, int height, string alt = "Cranes at dawn over the harbour")
    {
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        using var photo = TestImages.Halves(width, height);
        var response = await client.PostToApiAsync(new(TestImages.Encode(photo, SkiaSharp.SKEncodedImageFormat.Jpeg), Alt: alt));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("key").GetString()!;
    }

    /// <summary>
    /// Changes a stored story as the newsroom would: the change, a new version (fragments are keyed by it) and the page
    /// evicted from the page cache.
    /// </summary>
    public static async Task ChangeStoryAsync(this BylineFactory factory, string slug, Func<Byline.Data.BylineDbContext, Article, Task> change)
    {
        await using (var db = factory.CreateDbContext())
        {
            var article = await db.Articles.SingleAsync(a => a.Slug == slug);
            await change(db, article);
            article.Version++;
            await db.SaveChangesAsync();
            factory.Services.GetRequiredService<PageCache>().EvictStory(article.Id);
        }
    }

    public static async Task SetLeadImageAsync(this BylineFactory factory, string slug, string key) =>
        await factory.ChangeStoryAsync(slug, async (db, article) =>
            article.LeadImageId = await db.Images.Where(i => i.Key == key).Select(i => i.Id).SingleAsync());

    public static async Task<int> ImageIdAsync(this BylineFactory factory, string key)
    {
        await using var db = factory.CreateDbContext();
        return await db.Images.Where(i => i.Key == key).Select(i => i.Id).SingleAsync();
    }
}
