using System.Net;
using System.Net.Http.Headers;
using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Accounts;

/// <summary>`GET /api/v1/me`: how a program sees the account its bearer token (or cookie) belongs to.</summary>
public sealed class MeEndpointTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ABearerTokenAuthenticatesTheApiWithItsOwnersRoles(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor, Roles.Moderator);
        var reader = await factory.CreateUserAsync();
        var admin = await factory.CreateUserAsync(Roles.Admin);
        string editorSlug;
        await using (var db = factory.CreateDbContext())
        {
            editorSlug = (await db.Writers.SingleAsync(w => w.Id == editor.WriterId)).Slug;
        }

        var asEditor = await (await factory.ClientFor(editor).GetAsync("/api/v1/me")).ReadJsonAsync();
        var asReader = await (await factory.ClientFor(reader).GetAsync("/api/v1/me")).ReadJsonAsync();
        var asAdmin = await (await factory.ClientFor(admin).GetAsync("/api/v1/me")).ReadJsonAsync();

        Assert.Equal(editor.Id, asEditor.GetProperty("id").GetString());
        Assert.Equal(editor.DisplayName, asEditor.GetProperty("displayName").GetString());
        Assert.Equal(editor.Email, asEditor.GetProperty("email").GetString());
        Assert.Equal(["reader", "editor", "moderator"], asEditor.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(editorSlug, asEditor.GetProperty("writerSlug").GetString());
        Assert.Equal(["reader"], asReader.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKindNull, asReader.GetProperty("writerSlug").ValueKind);
        Assert.Equal(["reader", "admin"], asAdmin.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Theory]
    [InlineData(null)]
    [InlineData("byl_not-a-token-anyone-was-given")]
    [InlineData("something-else")]
    public async Task WithoutAValidTokenOrCookieMeIsA401Problem(string? token)
    {
        var factory = apps[Databases.Sqlite];
        using var client = factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.GetAsync("/api/v1/me");

        await Http.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not-signed-in");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ARoleGrantedByAnAdminShowsOnTheTokensNextCall(string provider)
    {
        var factory = apps[provider];
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var reader = await factory.CreateUserAsync();
        using var readerClient = factory.ClientFor(reader);
        Assert.Equal(["reader"], (await (await readerClient.GetAsync("/api/v1/me")).ReadJsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        using var adminClient = factory.FormClient(admin);
        await adminClient.SubmitAsync($"/admin/users/{reader.Id}", "form[data-role=moderator]");

        Assert.Equal(["reader", "moderator"], (await (await readerClient.GetAsync("/api/v1/me")).ReadJsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task OpenApiDescribesMe()
    {
        var factory = apps[Databases.Sqlite];

        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var get = document.GetProperty("paths").GetProperty("/api/v1/me").GetProperty("get");
        Assert.True(get.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(get.GetProperty("responses").TryGetProperty("401", out _));
    }
}
