using System.Net.Http.Headers;
using Byline.Data.Accounts;
using Byline.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Infrastructure;

/// <summary>Accounts for tests, made through Identity itself, and clients that act as them.</summary>
public static class TestUsers
{
    public const string Password = "correct horse battery";

    public sealed record TestUser(string Id, string Email, string DisplayName, string Token, int? WriterId);

    /// <summary>
    /// A confirmed account with the given roles (none: a reader) and a personal API token. Writers and editors get a
    /// writer page of their own, as staff accounts do.
    /// </summary>
    public static async Task<TestUser> CreateUserAsync(this BylineFactory factory, params string[] roles)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>();
        var db = scope.ServiceProvider.GetRequiredService<Byline.Data.BylineDbContext>();
        var name = (roles.Length == 0 ? "Reader " : $"{roles[0]} ") + Unique.Suffix();
        var email = $"{Guid.NewGuid():N}@example.test";
        int? writerId = null;
        if (roles.Any(r => r is Roles.Writer or Roles.Editor))
        {
            var writer = db.Writers.Add(new Byline.Data.Articles.Writer
            {
                Slug = Byline.Web.Articles.Slugs.From(name),
                DisplayName = name,
            }).Entity;
            await db.SaveChangesAsync();
            writerId = writer.Id;
        }
        var user = new BylineUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            CreatedAt = factory.Time.GetUtcNow(),
            WriterId = writerId,
        };
        Check(await users.CreateAsync(user, Password));
        foreach (var role in roles.Where(Roles.IsStaff))
        {
            Check(await users.AddToRoleAsync(user, role));
        }
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "tests", CancellationToken.None);
        return new TestUser(user.Id, email, name, token.Secret, writerId);
    }

    /// <summary>A client that authenticates every request with the user's API token and does not follow redirects.</summary>
    public static HttpClient ClientFor(this BylineFactory factory, TestUser user)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        return client;
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
