using System.Globalization;
using System.Text;
using Byline.BrowserTests.Infrastructure;
using Byline.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>axe finds no violations on the account pages, empty and with their errors showing, in both colour schemes.</summary>
[Collection(SharedBrowser.Name)]
public sealed class AccountsAccessibilityTests(BylineSite site)
{
    private const string Password = "harbour lights at dawn";

    [Theory]
    [InlineData("/account/register", ColorScheme.Light)]
    [InlineData("/account/register", ColorScheme.Dark)]
    [InlineData("/account/sign-in", ColorScheme.Light)]
    [InlineData("/account/sign-in", ColorScheme.Dark)]
    [InlineData("/account/forgot-password", ColorScheme.Light)]
    [InlineData("/account/confirm", ColorScheme.Light)]
    public async Task AnonymousAccountPageHasNoAxeViolations(string path, ColorScheme colorScheme)
    {
        await using var context = await site.NewContextAsync(colorScheme: colorScheme);
        var page = await context.OpenAsync(path);

        await AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task RegisterPageWithErrorsHasNoAxeViolations()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync("/account/register");
        await page.GetByLabel("Email").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(page.Locator("#field-email-error")).ToBeVisibleAsync();

        await AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task AccountPagesOfASignedInReaderHaveNoAxeViolations(ColorScheme colorScheme)
    {
        var email = $"axe-{Guid.NewGuid():N}@example.test";
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>();
            await users.CreateAsync(new BylineUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Axe Reader" }, Password);
        }
        await using var context = await site.NewContextAsync(colorScheme: colorScheme);
        var page = await context.OpenAsync("/account/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        foreach (var path in new[] { "/account", "/account/password", "/account/sign-out", BylineSite.DemoStoryPath })
        {
            await page.GotoAsync(path);
            await AssertNoViolationsAsync(page);
        }
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxeAsync();
        if (result.Violations.Length == 0)
        {
            return;
        }
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"axe found {result.Violations.Length} violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target}: {node.Html}");
            }
        }
        Assert.Fail(text.ToString());
    }
}
