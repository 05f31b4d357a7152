using System.Net;
using Byline.Data.Accounts;
using Byline.Data.Media;
using Byline.Data.Site;
using Byline.Tests.Feeds;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Admin;

/// <summary>/admin/site: who may open it, what a save changes at once (settings, pages, feeds, the audit log), and what it refuses.</summary>
public sealed class SiteSettingsPageTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private const string Page = "/admin/site";
    private const string Form = "form.site-settings-form";

    [Fact]
    public async Task OnlyAdminsMayOpenOrPostIt()
    {
        var factory = apps[Databases.Sqlite];
        var answers = new List<string>();
        foreach (var who in new[] { "anonymous", Roles.Reader, Roles.Writer, Roles.Editor, Roles.Moderator, Roles.Admin })
        {
            var person = who switch
            {
                "anonymous" => null,
                Roles.Reader => await factory.CreateUserAsync(),
                _ => await factory.CreateUserAsync(who),
            };
            using var client = factory.FormClient(person);
            var get = await client.GetAsync(Page);
            using var forged = new FormUrlEncodedContent([new("Form.SiteName", "Taken over")]);
            var post = await client.PostAsync(Page, forged);
            answers.Add($"{who}: GET {Describe(get)}, POST {Describe(post)}");
        }

        Assert.Equal(
            [
                "anonymous: GET sign-in, POST sign-in",
                "reader: GET 403, POST 403",
                "writer: GET 403, POST 403",
                "editor: GET 403, POST 403",
                "moderator: GET 403, POST 403",
                // An admin without the form's antiforgery token is refused too.
                "admin: GET 200, POST 400",
            ],
            answers);
        await using var db = factory.CreateDbContext();
        Assert.Equal("Byline", (await db.SiteSettings.SingleAsync()).SiteName);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnAdminsSaveShowsAtOnceOnPagesAndFeedsAndIsAudited(string provider)
    {
        var factory = apps[provider];
        await factory.AddStoryAsync(Unique.Slug("settings"));
        var key = await AddImageAsync(factory);
        using var client = factory.FormClient(await factory.CreateUserAsync(Roles.Admin));
        var reader = factory.CreateClient();
        Assert.Equal("Byline", (await reader.GetPageAsync("/")).QuerySelector(".site-name")?.Text());
        Assert.Equal("Byline", (await reader.GetPageAsync("/")).QuerySelector(".site-name")?.Text());
        try
        {
            var page = await client.GetPageAsync(Page);
            Assert.NotNull(page.QuerySelector($"{Form} input[name='Form.SiteImage'][value='{key}']"));
            Assert.NotNull(page.QuerySelector(".admin-nav a[href='/admin/site'][aria-current=page]"));

            var saved = await client.SubmitAsync(page, Page, Form,
                ("Form.SiteName", "  The Harbour Times "),
                ("Form.SiteDescription", "Port news from Averel and the coast."),
                ("Form.DefaultDisclaimer", ""),
                ("Form.SiteImage", key));

            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal(Page, saved.Headers.Location?.OriginalString);
            await using (var db = factory.CreateDbContext())
            {
                var row = await db.SiteSettings.SingleAsync();
                var imageId = await db.Images.Where(i => i.Key == key).Select(i => i.Id).SingleAsync();
                Assert.Equal(("The Harbour Times", "Port news from Averel and the coast.", "", false, (int?)imageId),
                    (row.SiteName, row.SiteDescription, row.DefaultDisclaimer, row.FeedFullContent, row.SiteImageId));
                var entry = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync();
                Assert.Equal(("site.settings", "site"), (entry.Action, entry.Target));
                Assert.Contains("The Harbour Times", entry.Detail, StringComparison.Ordinal);
                Assert.Contains("feeds carry summaries", entry.Detail, StringComparison.Ordinal);
            }
            Assert.Equal("The site settings are saved.", (await client.GetPageAsync(Page)).QuerySelector(".status-message")?.Text());

            // The front page was cached for readers with the old name: the save dropped it.
            Assert.Equal("The Harbour Times", (await reader.GetPageAsync("/")).QuerySelector(".site-name")?.Text());
            var feed = await reader.GetSyndicationAsync("/feeds/atom.xml");
            Assert.Equal("The Harbour Times", feed.Title.Text);
            Assert.Equal("Port news from Averel and the coast.", feed.Description.Text);
            Assert.Equal($"http://localhost/media/{key}/320.jpg", feed.ImageUrl?.AbsoluteUri);
            Assert.All(feed.Items, item => Assert.Contains("Read the full story", FeedKit.Html(item), StringComparison.Ordinal));
        }
        finally
        {
            await factory.UpdateSiteSettingsAsync(s =>
            {
                var defaults = new SiteSettings();
                (s.SiteName, s.SiteDescription, s.DefaultDisclaimer, s.FeedFullContent, s.SiteImageId) =
                    (defaults.SiteName, defaults.SiteDescription, defaults.DefaultDisclaimer, true, null);
            });
        }
    }

    [Fact]
    public async Task BadInputIsRefusedFieldByFieldAndNothingIsStored()
    {
        var factory = apps[Databases.Sqlite];
        using var client = factory.FormClient(await factory.CreateUserAsync(Roles.Admin));
        await using var before = factory.CreateDbContext();
        var auditCount = await before.AuditEntries.CountAsync();

        var refused = await client.SubmitAsync(Page, Form,
            ("Form.SiteName", "   "),
            ("Form.SiteDescription", new string('x', 301)),
            ("Form.DefaultDisclaimer", "Fine \u202Ehidden"),
            ("Form.SiteImage", "no-such-image"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Http.ParseAsync(refused);
        Assert.Equal("Some settings need another look.", page.QuerySelector("[role=alert]")?.Text());
        Assert.Equal("Give the site a name.", page.QuerySelector("#site-SiteName-error")?.Text());
        Assert.Equal("true", page.QuerySelector("#site-SiteName")?.GetAttribute("aria-invalid"));
        Assert.Equal("At most 300 characters; this is 301.", page.QuerySelector("#site-SiteDescription-error")?.Text());
        Assert.Equal("Choose one of the uploaded images, or none.", page.QuerySelector("#site-image-error")?.Text());
        // What was typed is kept, so the admin can fix it.
        Assert.Equal(new string('x', 301), page.QuerySelector("#site-SiteDescription")?.TextContent);
        await using var db = factory.CreateDbContext();
        var row = await db.SiteSettings.SingleAsync();
        Assert.Equal(("Byline", "News and reader discussion."), (row.SiteName, row.SiteDescription));
        Assert.Equal(auditCount, await db.AuditEntries.CountAsync());
    }

    private static async Task<string> AddImageAsync(BylineFactory factory)
    {
        var key = "img" + Guid.NewGuid().ToString("N")[..16];
        await using var db = factory.CreateDbContext();
        db.Images.Add(new StoredImage
        {
            Key = key,
            Width = 640,
            Height = 400,
            Alt = "The harbour at dawn",
            CreatedAt = factory.Time.GetUtcNow(),
            Renditions =
            [
                new ImageRendition { Width = 320, Height = 200, ContentType = "image/webp", Bytes = [1] },
                new ImageRendition { Width = 320, Height = 200, ContentType = "image/jpeg", Bytes = [1] },
                new ImageRendition { Width = 640, Height = 400, ContentType = "image/jpeg", Bytes = [1] },
            ],
        });
        await db.SaveChangesAsync();
        return key;
    }

    private static string Describe(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) == true
            ? "sign-in"
            : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
