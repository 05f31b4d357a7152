using Byline.BrowserTests.Infrastructure;
using Byline.Data.Accounts;
using Byline.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>
/// An admin manages accounts in the browser. The browser authenticates with the admin's personal API token (the site
/// accepts bearer tokens on pages too), so these journeys do not depend on the sign-in page.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class AdminTests(BylineSite site)
{
    private sealed record Account(string Id, string Email, string Name, string Token);

    [Fact]
    public async Task AdminFindsAnAccountAndGrantsItTheWriterRole()
    {
        var admin = await CreateAccountAsync("Admin", Roles.Admin);
        var reader = await CreateAccountAsync("Petra Lindqvist");
        await using var context = await SignedInContextAsync(admin);
        var page = await context.OpenAsync("/admin/users");

        await page.GetByLabel("Search by email or name").FillAsync(reader.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = reader.Name }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(reader.Name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Grant writer" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{reader.Name} now has the writer role.");
        await Assertions.Expect(page.Locator(".roles-table tr", new() { HasText = "writer" }).Locator(".role-held")).ToHaveTextAsync("Yes");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove writer" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = reader.Name, Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/writers/petra-lindqvist"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(reader.Name);

        var audit = await context.OpenAsync("/admin/audit?prefix=user.");
        var row = audit.Locator(".audit-table tbody tr").First;
        await Assertions.Expect(row.Locator(".audit-action")).ToHaveTextAsync("user.role-add");
        await Assertions.Expect(row.Locator(".audit-target")).ToHaveTextAsync(reader.Name);
        await Assertions.Expect(row.Locator(".audit-who")).ToHaveTextAsync(admin.Name);
    }

    [Theory]
    [InlineData("/admin/users", ColorScheme.Light)]
    [InlineData("/admin/users", ColorScheme.Dark)]
    [InlineData("/admin/audit", ColorScheme.Light)]
    [InlineData("/admin/audit", ColorScheme.Dark)]
    [InlineData("/admin/site", ColorScheme.Light)]
    [InlineData("/admin/site", ColorScheme.Dark)]
    [InlineData("/account/tokens", ColorScheme.Light)]
    public async Task AdminAndTokenPagesHaveNoAxeViolations(string path, ColorScheme colorScheme)
    {
        var admin = await CreateAccountAsync("Axe Admin", Roles.Admin);
        await using var context = await SignedInContextAsync(admin, colorScheme);
        var page = await context.OpenAsync(path);

        await AccessibilityTests.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task AccountPageAndANewlyCreatedTokenHaveNoAxeViolations(ColorScheme colorScheme)
    {
        var admin = await CreateAccountAsync("Axe Admin", Roles.Admin);
        var editor = await CreateAccountAsync("Axe Editor", Roles.Editor);
        await using var context = await SignedInContextAsync(admin, colorScheme);

        var account = await context.OpenAsync($"/admin/users/{editor.Id}");
        await AccessibilityTests.AssertNoViolationsAsync(account);

        var tokens = await context.OpenAsync("/account/tokens");
        await tokens.GetByLabel("Name", new() { Exact = true }).FillAsync("axe check");
        await tokens.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Assertions.Expect(tokens.GetByLabel("Token", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^byl_"));
        await Assertions.Expect(tokens.GetByRole(AriaRole.Button, new() { Name = "Copy" })).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoViolationsAsync(tokens);
    }

    private async Task<IBrowserContext> SignedInContextAsync(Account account, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await site.NewContextAsync(colorScheme: colorScheme);
        await context.SetExtraHTTPHeadersAsync([new("Authorization", "Bearer " + account.Token)]);
        return context;
    }

    private async Task<Account> CreateAccountAsync(string name, params string[] roles)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>();
        var email = $"{Guid.NewGuid():N}@example.test";
        var user = new BylineUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow() };
        Assert.True((await users.CreateAsync(user, "browser tests password")).Succeeded);
        foreach (var role in roles)
        {
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "browser", CancellationToken.None);
        return new Account(user.Id, email, name, token.Secret);
    }
}
