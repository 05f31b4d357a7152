using System.Text.RegularExpressions;
using Byline.BrowserTests.Infrastructure;
using Byline.Data.Accounts;
using Byline.Web.Hosting.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace Byline.BrowserTests;

/// <summary>
/// A reader's account in Chromium, against the app in Production (Secure cookies) over plain http on loopback:
/// registering, confirming by the .eml the app wrote into its data folder, commenting under their name, and passkeys
/// with a virtual authenticator.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class AccountsTests(BylineSite site)
{
    private const string Password = "harbour lights at dawn";

    [Fact]
    public async Task ReaderRegistersConfirmsByEmailSignsInAndCommentsUnderTheirName()
    {
        var (story, _) = await site.AddStoryWithCommentAsync("reader-account");
        var email = $"reader-{Guid.NewGuid():N}@example.test";
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Odile Marchetti");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Repeat the password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Confirm your email");
        await Assertions.Expect(page.Locator(".account-lead")).ToContainTextAsync(email);
        var link = ConfirmationLink(email);
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Email confirmed");

        await page.GotoAsync(story);
        await page.Locator("nav.account-nav").GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        // Back on the story, signed in: the form knows who is commenting.
        await page.WaitForURLAsync($"**{story}");
        await Assertions.Expect(page.Locator("nav.account-nav .account-name")).ToHaveTextAsync("Odile Marchetti");
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == ".Byline.Auth");
        Assert.True(cookie.Secure && cookie.HttpOnly && cookie.SameSite == SameSiteAttribute.Lax);
        var form = page.Locator("form#comment-form");
        await Assertions.Expect(form.Locator(".comment-as")).ToHaveTextAsync("Commenting as Odile Marchetti");
        Assert.Equal(0, await form.GetByLabel("Name", new() { Exact = true }).CountAsync());
        await form.GetByLabel("Comment", new() { Exact = true }).FillAsync("Signed in, and glad of it.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

        await page.WaitForURLAsync(CommentAnchor());
        var id = CommentAnchor().Match(page.Url).Groups["id"].Value;
        var comment = page.Locator($"#comment-{id}");
        await Assertions.Expect(comment.Locator(":scope > header .comment-author")).ToHaveTextAsync("Odile Marchetti");
        await Assertions.Expect(comment.Locator(":scope > .comment-body")).ToHaveTextAsync("Signed in, and glad of it.");

        await page.Locator("nav.account-nav").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.Locator("nav.account-nav").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ReaderAddsAPasskeyAndSignsInWithItAlone()
    {
        var email = await CreateReaderAsync("Passkey Reader");
        // WebAuthn wants a domain, not an IP address: the same server, reached as localhost (a secure context too).
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = $"http://localhost:{site.Address.Port}/",
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        var authenticator = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        var authenticatorId = authenticator!.Value.GetProperty("authenticatorId").GetString()!;

        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GotoAsync("/account");
        await page.GetByLabel("Passkey name").FillAsync("Test laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();

        await Assertions.Expect(page.Locator(".account-status")).ToHaveTextAsync("Passkey “Test laptop” added. You can now sign in with it.");
        await Assertions.Expect(page.Locator(".passkey .passkey-name")).ToHaveTextAsync(["Test laptop"]);
        var credentials = await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId });
        Assert.Equal(1, credentials!.Value.GetProperty("credentials").GetArrayLength());

        await page.Locator("nav.account-nav").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/$"));
        await Assertions.Expect(page.Locator("nav.account-nav .account-name")).ToHaveTextAsync("Passkey Reader");

        // Renamed, then removed: it no longer signs in.
        await page.GotoAsync("/account");
        await page.GetByLabel("New name for “Test laptop”").FillAsync("Old laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Assertions.Expect(page.Locator(".passkey .passkey-name")).ToHaveTextAsync(["Old laptop"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove passkey “Old laptop”" }).ClickAsync();
        await Assertions.Expect(page.Locator(".passkey-none")).ToHaveTextAsync("You have no passkeys yet.");
        await page.Locator("nav.account-nav").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-error")).ToContainTextAsync("That passkey could not be used to sign in here.");
    }

    [Fact]
    public async Task TheAccountLinksFitAPhoneScreen()
    {
        var email = await CreateReaderAsync("Maximilian Okonkwo-Vandersteen");
        await using var context = await site.NewContextAsync(width: 375);
        var page = await context.OpenAsync("/account/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/$"));

        foreach (var path in new[] { "/", BylineSite.DemoStoryPath, "/account" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at 375px");
            var nav = await page.Locator("nav.account-nav").BoundingBoxAsync();
            Assert.True(nav is { Width: <= 375 }, $"The account links on {path} are {nav?.Width}px wide");
        }
    }

    private string ConfirmationLink(string email)
    {
        var folder = site.Services.GetRequiredService<FileMailTransport>().Folder;
        var message = Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path))
            .Last(m => m.To.Mailboxes.Any(b => b.Address == email));
        var link = Link().Match(message.TextBody ?? "");
        Assert.True(link.Success, $"No link in {message.TextBody}");
        return new Uri(link.Value).PathAndQuery;
    }

    private async Task<string> CreateReaderAsync(string name)
    {
        var email = $"reader-{Guid.NewGuid():N}@example.test";
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>();
        var result = await users.CreateAsync(new BylineUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name }, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }

    [GeneratedRegex(@"#comment-(?<id>\d+)$")]
    private static partial Regex CommentAnchor();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
