using System.Net;
using System.Text.Json;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Accounts;

/// <summary>The server side of passkeys; the whole ceremony with an authenticator runs in the browser tests.</summary>
public sealed class PasskeyEndpointTests
{
    [Fact]
    public async Task AddingAPasskeyStartsWithCreationOptionsForTheSignedInAccountOnly()
    {
        using var factory = new BylineFactory();
        var reader = await factory.CreateUserAsync();
        using var visitor = AccountSession.Start(factory);
        await visitor.SignInAsync(reader.Email, TestUsers.Password);
        var token = (await visitor.PageAsync("/account")).QuerySelector("form.passkey-add input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var options = await PostAsync(visitor, "/account?handler=PasskeyOptions", token);
        var forged = await PostAsync(visitor, "/account?handler=PasskeyOptions", token: null);
        using var guest = AccountSession.Start(factory);
        var anonymous = await PostAsync(guest, "/account?handler=PasskeyOptions", token);

        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        Assert.Equal("application/json", options.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await options.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(reader.Email, json.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal(reader.DisplayName, json.GetProperty("user").GetProperty("displayName").GetString());
        Assert.Equal("localhost", json.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal("required", json.GetProperty("authenticatorSelection").GetProperty("residentKey").GetString());
        Assert.True(json.GetProperty("challenge").GetString()!.Length >= 43);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task AnAnswerThatIsNotAPasskeyAddsNothingAndSignsNoOneIn()
    {
        using var factory = new BylineFactory();
        var reader = await factory.CreateUserAsync();
        using var visitor = AccountSession.Start(factory);
        await visitor.SignInAsync(reader.Email, TestUsers.Password);

        var added = await visitor.SubmitAsync("/account", "/account?handler=AddPasskey", new Dictionary<string, string>
        {
            ["PasskeyName"] = "Phone",
            ["credential"] = "{\"id\":\"AAAA\",\"type\":\"public-key\"}",
        });
        var unnamed = await visitor.SubmitAsync("/account", "/account?handler=AddPasskey", new Dictionary<string, string> { ["PasskeyName"] = " " });

        Assert.Equal(HttpStatusCode.BadRequest, added.StatusCode);
        Assert.Contains("could not be added", Http.Parse(await added.Content.ReadAsStringAsync()).QuerySelector("#field-passkeyname-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.StartsWith("Name the passkey", Http.Parse(await unnamed.Content.ReadAsStringAsync()).QuerySelector("#field-passkeyname-error")!.Text(), StringComparison.Ordinal);

        using var stranger = AccountSession.Start(factory);
        var signIn = await stranger.SubmitAsync("/account/sign-in", "/account/sign-in?handler=Passkey", new Dictionary<string, string> { ["credential"] = "not json" });
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Contains("That passkey could not be used", await AccountSession.FormErrorAsync(signIn), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.Client.GetAsync("/account")).StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Set<Microsoft.AspNetCore.Identity.IdentityUserPasskey<string>>().AnyAsync());
    }

    private static async Task<HttpResponseMessage> PostAsync(AccountSession session, string url, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("Accept", "application/json");
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }
        return await session.Client.SendAsync(request);
    }
}
