using System.Net;
using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Admin;

/// <summary>
/// Who may do what in the admin area and on the self-service account pages: every kind of person (anonymous, reader,
/// writer, editor, moderator, admin) × every action, with the exact answer of each cell.
/// </summary>
public sealed class AdminAuthorizationTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private const string Anonymous = "anonymous";
    private const string SignIn = "302 sign-in";
    private const string Forbidden = "403";
    private const string Ok = "200";
    private const string Unauthorized = "401";

    public static TheoryData<string> People => [Anonymous, Roles.Reader, Roles.Writer, Roles.Editor, Roles.Moderator, Roles.Admin];

    [Theory]
    [MemberData(nameof(People))]
    public async Task EveryActionAnswersThisPersonExactly(string who)
    {
        var factory = apps[Databases.Sqlite];
        var target = await factory.CreateUserAsync();
        var person = who switch
        {
            Anonymous => null,
            Roles.Reader => await factory.CreateUserAsync(),
            _ => await factory.CreateUserAsync(who),
        };
        using var client = factory.FormClient(person);
        var adminArea = who switch
        {
            Anonymous => SignIn,
            Roles.Admin => Ok,
            _ => Forbidden,
        };
        var expected = new List<string>
        {
            $"GET /admin/users: {adminArea}",
            $"GET /admin/users/{{id}}: {adminArea}",
            $"GET /admin/users/{{id}}/delete: {adminArea}",
            $"GET /admin/audit: {adminArea}",
            $"POST grant moderator: {(who == Roles.Admin ? "302 done" : adminArea)}",
            $"POST lock: {(who == Roles.Admin ? "302 done" : adminArea)}",
            $"POST delete: {(who == Roles.Admin ? "302 done" : adminArea)}",
            $"GET /account/tokens: {(who == Anonymous ? SignIn : Ok)}",
            $"GET /api/v1/me: {(who == Anonymous ? Unauthorized : Ok)}",
        };

        var user = AdminData.UserPage(target.Id);
        var actual = new List<string>
        {
            $"GET /admin/users: {Describe(await client.GetAsync("/admin/users"))}",
            $"GET /admin/users/{{id}}: {Describe(await client.GetAsync(user))}",
            $"GET /admin/users/{{id}}/delete: {Describe(await client.GetAsync(user + "/delete"))}",
            $"GET /admin/audit: {Describe(await client.GetAsync("/admin/audit"))}",
            $"POST grant moderator: {Describe(await PostAsync(client, who, user, $"{user}?handler=AddRole", ("role", Roles.Moderator)))}",
            $"POST lock: {Describe(await PostAsync(client, who, user, $"{user}?handler=Lock"))}",
            $"POST delete: {Describe(await PostAsync(client, who, user, $"{user}/delete"))}",
            $"GET /account/tokens: {Describe(await client.GetAsync("/account/tokens"))}",
            $"GET /api/v1/me: {Describe(await client.GetAsync("/api/v1/me"))}",
        };

        Assert.Equal(expected, actual);
        if (who != Roles.Admin)
        {
            var account = await factory.AccountAsync(target.Id);
            Assert.NotNull(account);
            Assert.Null(account.LockoutEnd);
            Assert.Empty(await factory.StoredRolesAsync(target.Id));
        }
        else
        {
            Assert.Null(await factory.AccountAsync(target.Id));
        }
    }

    [Fact]
    public async Task ForbiddenAdminPageIsAFriendlyPageNotASignInRedirect()
    {
        var factory = apps[Databases.Sqlite];
        using var client = factory.FormClient(await factory.CreateUserAsync(Roles.Editor));

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await Http.ParseAsync(response);
        Assert.Equal("Not allowed", page.QuerySelector("h1")?.Text());
    }

    /// <summary>
    /// An admin posts the page's own form, with its antiforgery token. Anyone else cannot get that page, so they post
    /// what a forger would: the fields without a token.
    /// </summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string who, string page, string url, params (string Name, string Value)[] values)
    {
        if (who == Roles.Admin)
        {
            return await client.PostWithTokenAsync(url.EndsWith("/delete", StringComparison.Ordinal) ? url : page, url, values);
        }
        using var content = new FormUrlEncodedContent(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        return await client.PostAsync(url, content);
    }

    private static string Describe(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status != 302)
        {
            return status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var location = response.Headers.Location?.ToString() ?? "";
        return location.Contains("/account/sign-in?ReturnUrl=", StringComparison.Ordinal) ? SignIn : "302 done";
    }
}
