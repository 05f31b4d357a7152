using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Byline.Data.Accounts;
using Byline.Tests.Admin;
using Byline.Tests.Infrastructure;
using Byline.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Accounts;

/// <summary>/account/tokens: a signed-in person's own API tokens, created (shown once), listed and revoked.</summary>
public sealed class TokensPageTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private const string Page = "/account/tokens";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ANewTokenIsShownOnceListedByNameAndHintAndAuthenticatesTheApiAsItsOwner(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.FormClient(writer);

        var response = await client.SubmitAsync(Page, "#create-token-form", ("Name", "  newsletter script  "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "A page showing a secret must not be stored by any cache.");
        var page = await Http.ParseAsync(response);
        var secret = page.QuerySelector("#new-token")?.GetAttribute("value");
        Assert.NotNull(secret);
        Assert.StartsWith(ApiTokens.Prefix, secret, StringComparison.Ordinal);
        Assert.Contains("the only time it is shown", page.QuerySelector(".token-created")?.Text(), StringComparison.Ordinal);
        Assert.Equal("", page.QuerySelector("#token-name")?.GetAttribute("value") ?? "");
        var row = page.QuerySelectorAll(".tokens-table tbody tr").Select(r => r.Children.Select(c => c.Text()).ToList()).First();
        Assert.Equal(["newsletter script", secret[..8] + "…", "Nov. 27, 2026, 12:00 p.m.", "Live"], row.Take(4));

        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var me = await (await api.GetAsync("/api/v1/me")).ReadJsonAsync();
        Assert.Equal(writer.Id, me.GetProperty("id").GetString());
        Assert.Equal(["reader", "writer"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var again = await client.GetPageAsync(Page);
        Assert.Null(again.QuerySelector("#new-token"));
        Assert.DoesNotContain(secret, again.DocumentElement.OuterHtml, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        var stored = await db.ApiTokens.SingleAsync(t => t.UserId == writer.Id && t.Name == "newsletter script");
        Assert.Equal(ApiTokens.Hash(secret), stored.Hash);
        var entry = (await factory.AuditAboutAsync($"user:{writer.Id}"))[^1];
        Assert.Equal(("token.create", writer.Id, $"newsletter script ({stored.Hint}…)"), (entry.Action, entry.ActorUserId, entry.Detail));
        Assert.DoesNotContain(secret, entry.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ARevokedTokenStopsWorkingAtOnce(string provider)
    {
        var factory = apps[provider];
        var reader = await factory.CreateUserAsync();
        using var client = factory.FormClient(reader);
        var created = await Http.ParseAsync(await client.SubmitAsync(Page, "#create-token-form", ("Name", "backup job")));
        var secret = created.QuerySelector("#new-token")!.GetAttribute("value")!;
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        long id;
        await using (var db = factory.CreateDbContext())
        {
            id = (await db.ApiTokens.SingleAsync(t => t.UserId == reader.Id && t.Name == "backup job")).Id;
        }

        var response = await client.SubmitAsync(Page, $"form[data-token-id='{id}']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        var page = await client.GetPageAsync(Page);
        Assert.Equal("Token revoked. Programs using it are refused from now on.", page.QuerySelector("[role=status]")?.Text());
        var row = page.QuerySelectorAll(".tokens-table tbody tr").Single(r => r.Children[0].Text() == "backup job");
        Assert.StartsWith("Revoked ", row.Children[3].Text(), StringComparison.Ordinal);
        Assert.Null(row.QuerySelector("form"));
        Assert.Equal("token.revoke", (await factory.AuditAboutAsync($"user:{reader.Id}"))[^1].Action);
        // The account's other token, the one this client signs in with, is untouched.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SomeoneElsesTokenIsNotFoundAndKeepsWorking(string provider)
    {
        var factory = apps[provider];
        var mallory = await factory.CreateUserAsync(Roles.Editor);
        var victim = await factory.CreateUserAsync();
        long victimTokenId;
        await using (var db = factory.CreateDbContext())
        {
            victimTokenId = (await db.ApiTokens.SingleAsync(t => t.UserId == victim.Id)).Id;
        }
        using var client = factory.FormClient(mallory);

        var page = await client.GetPageAsync(Page);
        Assert.DoesNotContain(page.QuerySelectorAll(".tokens-table tbody tr"), r => r.QuerySelector($"form[data-token-id='{victimTokenId}']") is not null);
        var response = await client.PostWithTokenAsync(Page, string.Create(CultureInfo.InvariantCulture, $"{Page}?handler=Revoke&id={victimTokenId}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(victim).GetAsync("/api/v1/me")).StatusCode);
        Assert.Empty(await factory.AuditAboutAsync($"user:{victim.Id}"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ATokenNeedsANameOfAtMost80CharactersAndABadOneStoresNothing(string provider)
    {
        var factory = apps[provider];
        var reader = await factory.CreateUserAsync();
        using var client = factory.FormClient(reader);

        foreach (var (name, message) in new[]
        {
            ("", "Give the token a name"),
            ("   ", "Give the token a name"),
            (new string('n', ApiTokens.MaxNameLength + 1), "The name can be at most 80 characters long."),
            ("tab\there", "The name cannot contain control characters."),
        })
        {
            var response = await client.SubmitAsync(Page, "#create-token-form", ("Name", name));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await Http.ParseAsync(response);
            var error = page.QuerySelector("#token-name-error");
            Assert.StartsWith(message, error?.Text(), StringComparison.Ordinal);
            var field = page.QuerySelector("#token-name")!;
            Assert.Equal("true", field.GetAttribute("aria-invalid"));
            Assert.Contains("token-name-error", field.GetAttribute("aria-describedby"), StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("#new-token"));
        }
        var exactly80 = await client.SubmitAsync(Page, "#create-token-form", ("Name", new string('n', ApiTokens.MaxNameLength)));
        Assert.Equal(HttpStatusCode.OK, exactly80.StatusCode);

        await using var db = factory.CreateDbContext();
        Assert.Equal(2, await db.ApiTokens.CountAsync(t => t.UserId == reader.Id));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnAccountHasAtMost50LiveTokens(string provider)
    {
        var factory = apps[provider];
        var reader = await factory.CreateUserAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<ApiTokens>();
            for (var i = 1; i < ApiTokens.MaxTokensPerUser; i++)
            {
                await tokens.CreateAsync(reader.Id, $"token {i}", CancellationToken.None);
            }
        }
        using var client = factory.FormClient(reader);

        var refused = await client.SubmitAsync(Page, "#create-token-form", ("Name", "one too many"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.StartsWith("An account can have at most 50 live tokens.", (await Http.ParseAsync(refused)).QuerySelector("#token-name-error")?.Text(), StringComparison.Ordinal);
        long oldest;
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(ApiTokens.MaxTokensPerUser, await db.ApiTokens.CountAsync(t => t.UserId == reader.Id));
            oldest = (await db.ApiTokens.Where(t => t.UserId == reader.Id && t.Name == "token 1").SingleAsync()).Id;
        }

        await client.SubmitAsync(Page, $"form[data-token-id='{oldest}']");
        var accepted = await client.SubmitAsync(Page, "#create-token-form", ("Name", "one too many"));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.NotNull((await Http.ParseAsync(accepted)).QuerySelector("#new-token"));
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignIn()
    {
        var factory = apps[Databases.Sqlite];
        using var client = factory.FormClient();

        var get = await client.GetAsync(Page);
        using var content = new FormUrlEncodedContent([new("Name", "sneaky")]);
        var post = await client.PostAsync(Page + "?handler=Create", content);

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/account/sign-in", get.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.ApiTokens.AnyAsync(t => t.Name == "sneaky"));
    }
}
