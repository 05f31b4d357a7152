using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Accounts;

public sealed class AccountNavTests
{
    [Fact]
    public async Task TheMastheadOffersAnonymousReadersSignInAndRegister()
    {
        using var factory = new BylineFactory();
        var slug = Unique.Slug("nav");
        await factory.AddStoryAsync(slug);

        var nav = (await factory.CreateClient().GetPageAsync($"/world/{slug}")).QuerySelector("nav.account-nav")!;

        Assert.Equal(
            [("Sign in", $"/account/sign-in?ReturnUrl=%2Fworld%2F{slug}"), ("Register", "/account/register")],
            nav.QuerySelectorAll("a").Select(a => (a.Text(), a.GetAttribute("href")!)));
        Assert.Null(nav.QuerySelector("form"));
    }

    [Theory]
    [InlineData(new string[0], new[] { "/account", "/account/notifications" })]
    [InlineData(new[] { Roles.Moderator }, new[] { "/account", "/account/notifications", "/moderation" })]
    [InlineData(new[] { Roles.Writer }, new[] { "/account", "/account/notifications", "/newsroom" })]
    [InlineData(new[] { Roles.Editor }, new[] { "/account", "/account/notifications", "/newsroom" })]
    [InlineData(new[] { Roles.Admin }, new[] { "/account", "/account/notifications", "/newsroom", "/moderation", "/admin/users" })]
    public async Task SignedInPeopleSeeTheirNameTheirToolsAndASignOutButton(string[] roles, string[] links)
    {
        using var factory = new BylineFactory();
        var person = await factory.CreateUserAsync(roles);
        using var visitor = AccountSession.Start(factory);
        await visitor.SignInAsync(person.Email, TestUsers.Password);

        var nav = (await visitor.PageAsync("/")).QuerySelector("nav.account-nav")!;

        Assert.Equal(links, nav.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!));
        Assert.Equal(person.DisplayName, nav.QuerySelector("a.account-name")!.Text());
        var signOut = nav.QuerySelector("form")!;
        Assert.Equal(("post", "/account/sign-out"), (signOut.GetAttribute("method"), signOut.GetAttribute("action")));
        Assert.NotNull(signOut.QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task TheAccountPageLinksToTheApiTokensPage()
    {
        using var factory = new BylineFactory();
        var person = await factory.CreateUserAsync();
        using var visitor = AccountSession.Start(factory);
        await visitor.SignInAsync(person.Email, TestUsers.Password);

        var link = (await visitor.PageAsync("/account")).QuerySelectorAll("main a").Single(a => a.GetAttribute("href") == "/account/tokens");

        Assert.Equal("Manage your API tokens", link.Text());
        Assert.Contains("API tokens", (await visitor.PageAsync("/account/tokens")).QuerySelector("h1")!.Text(), StringComparison.Ordinal);
    }
}
