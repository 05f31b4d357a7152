using System.Net;
using System.Net.Http.Headers;
using Byline.Data.Accounts;
using Byline.Tests.Admin;
using Byline.Tests.Infrastructure;
using Byline.Web.Accounts;
using Byline.Web.Cli;

namespace Byline.Tests.Cli;

public sealed class TokenCommandTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static async Task<(int Exit, string Output, string Errors)> CreateAsync(BylineFactory factory, string email, string? name)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await TokenCommands.CreateAsync(factory.Services, email, name, output, errors, CancellationToken.None);
        return (exit, output.ToString(), errors.ToString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TokenCreatePrintsATokenOnceThatAuthenticatesTheApiAsTheAccount(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);

        var (exit, output, errors) = await CreateAsync(factory, editor.Email, "deploy script");

        Assert.Equal(0, exit);
        var token = output.Trim();
        Assert.Equal(output.TrimEnd('\r', '\n'), token);
        Assert.StartsWith(ApiTokens.Prefix, token, StringComparison.Ordinal);
        Assert.StartsWith("Created the API token \"deploy script\"", errors, StringComparison.Ordinal);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(editor.Id, (await me.ReadJsonAsync()).GetProperty("id").GetString());
        var entry = (await factory.AuditAboutAsync($"user:{editor.Id}"))[^1];
        Assert.Equal(("token.create", "cli"), (entry.Action, entry.ActorName));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TokenCreateRefusesAnUnknownAccountOrABadName(string provider)
    {
        var factory = apps[provider];
        var reader = await factory.CreateUserAsync();

        var unknown = await CreateAsync(factory, "nobody@example.test", "x");
        var blank = await CreateAsync(factory, reader.Email, "  ");
        var tooLong = await CreateAsync(factory, reader.Email, new string('x', 81));

        Assert.Equal((1, ""), (unknown.Exit, unknown.Output));
        Assert.StartsWith("There is no account with the email nobody@example.test.", unknown.Errors, StringComparison.Ordinal);
        Assert.Equal((1, ""), (blank.Exit, blank.Output));
        Assert.StartsWith("Give the token a name", blank.Errors, StringComparison.Ordinal);
        Assert.Equal((1, ""), (tooLong.Exit, tooLong.Output));
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, db.ApiTokens.Count(t => t.UserId == reader.Id));
    }
}
