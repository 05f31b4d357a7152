using System.Net;
using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Accounts;

public sealed class ProfileTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AStaffProfileIsTheWriterPageAndANewNameReachesTheirCachedBylines(string provider)
    {
        using var factory = new BylineFactory(provider);
        var writer = await factory.CreateUserAsync(Roles.Writer);
        var slug = Unique.Slug("profile-byline");
        await factory.AddStoryAsync(slug, writers: [writer.DisplayName]);
        var guest = factory.CreateClient();
        string writerPath;
        await using (var db = factory.CreateDbContext())
        {
            var articleId = await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
            var byline = await db.Set<Byline.Data.Articles.ArticleByline>().SingleAsync(b => b.ArticleId == articleId);
            Assert.Equal(writer.WriterId, byline.WriterId);
            writerPath = "/writers/" + (await db.Writers.SingleAsync(w => w.Id == writer.WriterId)).Slug;
        }
        // Both pages are now in the shared page cache.
        Assert.Equal(writer.DisplayName, (await guest.GetPageAsync($"/world/{slug}")).QuerySelector(".byline a")!.Text());
        Assert.Equal(writer.DisplayName, (await guest.GetPageAsync(writerPath)).QuerySelector("h1")!.Text());
        using var visitor = AccountSession.Start(factory);
        await visitor.SignInAsync(writer.Email, TestUsers.Password);

        var saved = await visitor.SubmitAsync("/account", "/account?handler=Profile", new Dictionary<string, string>
        {
            ["DisplayName"] = "  Ingrid   Halvorsen-Berg ",
            ["Bio"] = "Covers ports and shipping.\r\nBased in Averel.",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var account = await visitor.PageAsync("/account");
        Assert.Equal("Your profile is saved; your writer page shows it too.", account.QuerySelector(".account-status")!.Text());
        Assert.Equal("Ingrid Halvorsen-Berg", account.QuerySelector(".account-nav .account-name")!.Text());
        Assert.Equal(writerPath, account.QuerySelector(".account-aside-link")!.GetAttribute("href"));
        Assert.Equal("Ingrid Halvorsen-Berg", (await guest.GetPageAsync($"/world/{slug}")).QuerySelector(".byline a")!.Text());
        var page = await guest.GetPageAsync(writerPath);
        Assert.Equal("Ingrid Halvorsen-Berg", page.QuerySelector("h1")!.Text());
        Assert.Equal("Covers ports and shipping. Based in Averel.", page.QuerySelector(".writer-bio")!.Text());
        await using var check = factory.CreateDbContext();
        var user = await check.Users.SingleAsync(u => u.Id == writer.Id);
        Assert.Equal(("Ingrid Halvorsen-Berg", "Covers ports and shipping.\nBased in Averel."), (user.DisplayName, user.Bio));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ABadProfileIsShownBackWithItsErrorAndNotSaved(string provider)
    {
        using var factory = new BylineFactory(provider);
        var reader = await factory.CreateUserAsync();
        using var visitor = AccountSession.Start(factory);
        await visitor.SignInAsync(reader.Email, TestUsers.Password);

        var response = await visitor.SubmitAsync("/account", "/account?handler=Profile", new Dictionary<string, string>
        {
            ["DisplayName"] = new string('x', 81),
            ["Bio"] = "Fine.",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Http.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("A name can be at most 80 characters.", page.QuerySelector("#field-displayname-error")!.Text());
        Assert.Equal("true", page.QuerySelector("#field-displayname")!.GetAttribute("aria-invalid"));
        await using var db = factory.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == reader.Id);
        Assert.Equal((reader.DisplayName, ""), (user.DisplayName, user.Bio));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SignOutEverywhereEndsEveryOtherSessionWithinTheStampInterval(string provider)
    {
        using var factory = new BylineFactory(provider);
        var reader = await factory.CreateUserAsync();
        using var laptop = AccountSession.Start(factory);
        using var phone = AccountSession.Start(factory);
        await laptop.SignInAsync(reader.Email, TestUsers.Password);
        await phone.SignInAsync(reader.Email, TestUsers.Password);

        var response = await laptop.SubmitAsync("/account", "/account?handler=SignOutEverywhere", new Dictionary<string, string>());

        Assert.Equal("/account/sign-in", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.Client.GetAsync("/account")).StatusCode);
        // The phone's cookie is checked against the account's security stamp once per interval (one minute).
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("/account")).StatusCode);
        factory.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var stale = await phone.Client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal("/account/sign-in", stale.Headers.Location?.AbsolutePath);

        // Signing in again works as usual.
        await phone.SignInAsync(reader.Email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("/account")).StatusCode);
    }
}
