using Byline.BrowserTests.Infrastructure;
using Byline.Data;
using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Web.Accounts;
using Byline.Web.Articles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>
/// Newsroom staff for browser journeys: accounts made through Identity on the running server, each with a writer page
/// a password and an API token. Journeys either sign in at /account/sign-in with the email and password, or send the
/// token on every request, which the app accepts exactly like a session.
/// </summary>
public static class NewsroomStaff
{
    public const string Password = "correct horse battery";

    public sealed record Member(string DisplayName, string Email, string Token);

    public static async Task<Member> CreateAsync(BylineSite site, string role, string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>();
        var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
        var displayName = $"{name} {Guid.NewGuid().ToString("N")[..4]}";
        var writer = db.Writers.Add(new Writer { Slug = Slugs.From(displayName), DisplayName = displayName }).Entity;
        await db.SaveChangesAsync();
        var email = $"{Guid.NewGuid():N}@example.test";
        var user = new BylineUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, WriterId = writer.Id };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "browser tests", CancellationToken.None);
        return new Member(displayName, email, token.Secret);
    }

    /// <summary>A browser context that acts as this member.</summary>
    public static async Task<IBrowserContext> ContextAsync(this BylineSite site, Member member, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await site.NewContextAsync(colorScheme: colorScheme);
        await context.SetExtraHTTPHeadersAsync([new("Authorization", $"Bearer {member.Token}")]);
        return context;
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
