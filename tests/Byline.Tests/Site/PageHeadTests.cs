using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Byline.Tests.Infrastructure;
using Byline.Web;
using Byline.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Site;

/// <summary>
/// What the head of a public page asks of a reader's browser: a description for search results, and scripts only where
/// there is a discussion for them to enhance (the front page and lists load none). Page markup does not depend on the
/// storage engine, so these run on SQLite only.
/// </summary>
public sealed class PageHeadTests(BylineApps apps) : IClassFixture<BylineApps>
{
    /// <summary>The scripts a page loads, without the fingerprint in their names (discussion.ab12cd.js is discussion.js).</summary>
    private static List<string> Scripts(IDocument page) =>
        [.. page.QuerySelectorAll("script[src]").Select(s => Regex.Replace(s.GetAttribute("src")!, @"\.[a-z0-9]+(\.js)$", "$1"))];

    private static string? Description(IDocument page) =>
        page.QuerySelector("head meta[name=description]")?.GetAttribute("content");

    [Fact]
    public async Task FrontPageIsDescribedByTheSiteDescription()
    {
        var factory = apps[Databases.Sqlite];
        var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<PageCache>();
        try
        {
            await factory.UpdateSiteSettingsAsync(s => s.SiteDescription = "  Harbour news & the talk of the docks.  ");
            cache.Evict(CacheTags.Fronts);
            Assert.Equal("Harbour news & the talk of the docks.", Description(await client.GetPageAsync("/")));

            await factory.UpdateSiteSettingsAsync(s => s.SiteDescription = " ");
            cache.Evict(CacheTags.Fronts);
            Assert.Empty((await client.GetPageAsync("/")).QuerySelectorAll("meta[name=description]"));
        }
        finally
        {
            await factory.UpdateSiteSettingsAsync(s => s.SiteDescription = "News and reader discussion.");
            cache.Evict(CacheTags.Fronts);
        }
    }

    [Fact]
    public async Task OnlyPagesWithADiscussionLoadItsScripts()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("scripts");
        await factory.AddStoryAsync(slug, writers: ["Ingrid Halvorsen"]);
        var client = factory.CreateClient();
        var posted = await client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", new { body = "A comment to reply to." });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var id = (await posted.ReadJsonAsync()).GetProperty("id").GetInt64();

        string[] discussionScripts =
            ["/js/discussion.js", "/js/passages.js", "/js/live.js", "/js/votes.js", "/js/own-comments.js", "/js/notifications.js"];
        foreach (var url in new[] { $"/world/{slug}", $"/world/{slug}/comments", $"/world/{slug}/reply/{id}" })
        {
            Assert.Equal(discussionScripts, Scripts(await client.GetPageAsync(url)));
        }
        foreach (var url in new[] { "/", "/world", "/writers/ingrid-halvorsen", "/corrections" })
        {
            Assert.Empty(Scripts(await client.GetPageAsync(url)));
        }
    }
}
