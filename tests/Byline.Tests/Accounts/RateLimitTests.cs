using System.Net;
using Byline.Tests.Infrastructure;
using Byline.Web.Accounts;

namespace Byline.Tests.Accounts;

public sealed class RateLimitTests
{
    [Fact]
    public async Task OneAccountCanBeNamedOnlySoOftenAndTheFormSaysWhy()
    {
        using var factory = new BylineFactory();
        var reader = await factory.CreateUserAsync();
        using var visitor = AccountSession.Start(factory);

        for (var i = 0; i < AccountLimits.PerAccountPermits; i++)
        {
            var allowed = await visitor.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = reader.Email });
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }
        // The same account, spelled differently, counts as the same.
        var refused = await visitor.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = reader.Email.ToUpperInvariant() });
        var signIn = await visitor.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = reader.Email, ["Password"] = TestUsers.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(AccountLimits.TooManyForAccount, await AccountSession.FormErrorAsync(refused));
        Assert.Equal(reader.Email.ToUpperInvariant(), Http.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#field-email")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.TooManyRequests, signIn.StatusCode);
        Assert.Equal(AccountLimits.PerAccountPermits, Mailbox.CountTo(factory, reader.Email));

        // Another account from the same client is not held back by it.
        var other = await factory.CreateUserAsync();
        await visitor.SignInAsync(other.Email, TestUsers.Password);
    }

    [Fact]
    public async Task OneClientCanPostTheAccountFormsOnlySoOften()
    {
        using var factory = new BylineFactory();
        using var visitor = AccountSession.Start(factory);
        var page = await visitor.PageAsync("/account/forgot-password");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        for (var i = 0; i < AccountLimits.PerClientPermits; i++)
        {
            var allowed = await visitor.Client.PostAsync("/account/forgot-password", Form(token, $"person{i}@example.test"));
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }
        var refused = await visitor.Client.PostAsync("/account/register", Form(token, "one-more@example.test"));
        using var json = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in?handler=PasskeyOptions");
        json.Headers.Add("Accept", "application/json");
        json.Headers.Add("RequestVerificationToken", token);
        var script = await visitor.Client.SendAsync(json);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var error = Http.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Too many attempts", error.QuerySelector("h1")!.Text());
        Assert.Contains("Wait a minute", error.QuerySelector(".error-page")!.Text(), StringComparison.Ordinal);
        await Http.AssertProblemAsync(script, HttpStatusCode.TooManyRequests, "rate-limited");
        // Reading pages is never limited.
        Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync("/account/sign-in")).StatusCode);
    }

    private static FormUrlEncodedContent Form(string token, string email) =>
        new([new("__RequestVerificationToken", token), new("Email", email)]);
}
