using System.Net;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Accounts;

public sealed class RegistrationTests
{
    private const string Password = "a long enough password";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RegisteringSendsAConfirmationLinkThatLetsTheReaderSignIn(string provider)
    {
        using var factory = new BylineFactory(provider);
        using var visitor = AccountSession.Start(factory);
        var email = $"{Guid.NewGuid():N}@example.test";

        var registered = await visitor.SubmitAsync("/account/register", Fields(email, "Mira Castell"));

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/account/confirm", registered.Headers.Location?.OriginalString);
        var inbox = await visitor.PageAsync("/account/confirm");
        Assert.Contains(email, inbox.QuerySelector(".account-lead")!.Text(), StringComparison.Ordinal);
        var mail = Mailbox.LatestTo(factory, email);
        Assert.Equal("Confirm your email address", mail.Subject);
        Assert.Equal("Byline", mail.From.Mailboxes.Single().Name);
        Assert.Contains("Hello Mira Castell", mail.TextBody, StringComparison.Ordinal);
        var link = Mailbox.LinkIn(mail);
        Assert.StartsWith("/account/confirm?user=", link, StringComparison.Ordinal);

        var confirmed = await visitor.PageAsync(link);

        Assert.Equal("Email confirmed", confirmed.QuerySelector("h1")!.Text());
        await visitor.SignInAsync(email, Password);
        var account = await visitor.PageAsync("/account");
        Assert.Equal("Mira Castell", account.QuerySelector(".account-nav .account-name")!.Text());
        await using var db = factory.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.True(user.EmailConfirmed);
        Assert.Equal("Mira Castell", user.DisplayName);
        Assert.Equal(factory.Time.GetUtcNow(), user.CreatedAt);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnUnconfirmedAccountCannotSignInAndCanHaveTheLinkSentAgain(string provider)
    {
        using var factory = new BylineFactory(provider);
        using var visitor = AccountSession.Start(factory);
        var email = $"{Guid.NewGuid():N}@example.test";
        await visitor.SubmitAsync("/account/register", Fields(email, "Jonas Mehl"));

        var refused = await visitor.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page = Http.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Confirm your email address first", page.QuerySelector(".form-error")!.Text(), StringComparison.Ordinal);
        var sendAgain = page.QuerySelector("form[action='/account/confirm']")!;
        Assert.Equal(email, sendAgain.QuerySelector("input[name=Email]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.Client.GetAsync("/account")).StatusCode);

        // A wrong password for an unconfirmed account says nothing about it.
        var wrong = await visitor.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = "not the password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("The email address or the password is not right.", await AccountSession.FormErrorAsync(wrong));

        var resent = await visitor.SubmitAsync("/account/sign-in", "/account/confirm", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal(2, Mailbox.CountTo(factory, email));
        var status = (await visitor.PageAsync("/account/confirm")).QuerySelector(".account-status")!.Text();
        Assert.Contains("a new link is on its way", status, StringComparison.Ordinal);

        await visitor.PageAsync(Mailbox.LinkIn(Mailbox.LatestTo(factory, email)));
        await visitor.SignInAsync(email, Password);
    }

    [Fact]
    public async Task AConfirmationLinkThatWasTamperedWithConfirmsNothing()
    {
        using var factory = new BylineFactory();
        using var visitor = AccountSession.Start(factory);
        var email = $"{Guid.NewGuid():N}@example.test";
        await visitor.SubmitAsync("/account/register", Fields(email, "Ada Quist"));
        var link = Mailbox.LinkIn(Mailbox.LatestTo(factory, email));

        var page = await visitor.PageAsync(link[..^4] + "AAAA");

        Assert.Equal("Link not valid", page.QuerySelector("h1")!.Text());
        Assert.Equal(email, page.QuerySelector("input[name=Email]")!.GetAttribute("value"));
        Assert.Equal("Link not valid", (await visitor.PageAsync("/account/confirm?user=nobody&code=%%%")).QuerySelector("h1")!.Text());
        await using var db = factory.CreateDbContext();
        Assert.False((await db.Users.SingleAsync(u => u.Email == email)).EmailConfirmed);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadRegistrationsShowErrorsNextToTheirFieldsAndStoreNothing(string provider)
    {
        using var factory = new BylineFactory(provider);
        using var visitor = AccountSession.Start(factory);

        var response = await visitor.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Email"] = "not an address",
            ["DisplayName"] = "  ",
            ["Password"] = "short",
            ["ConfirmPassword"] = "different",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Http.Parse(await response.Content.ReadAsStringAsync());
        foreach (var field in new[] { "email", "displayname", "confirmpassword" })
        {
            var input = page.QuerySelector($"#field-{field}")!;
            Assert.Equal("true", input.GetAttribute("aria-invalid"));
            Assert.Contains($"field-{field}-error", input.GetAttribute("aria-describedby")!, StringComparison.Ordinal);
            Assert.NotEmpty(page.QuerySelector($"#field-{field}-error")!.Text());
        }
        Assert.Equal("not an address", page.QuerySelector("#field-email")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#field-password")!.GetAttribute("value"));

        // Identity's own rule (length) is reported next to the password too.
        var email = $"{Guid.NewGuid():N}@example.test";
        var tooShort = await visitor.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Email"] = email, ["DisplayName"] = "Ada", ["Password"] = "short", ["ConfirmPassword"] = "short",
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("10 characters", Http.Parse(await tooShort.Content.ReadAsStringAsync()).QuerySelector("#field-password-error")!.Text(), StringComparison.Ordinal);

        await using var db = factory.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email || u.Email == "not an address"));
        Assert.Empty(Mailbox.All(factory));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RegisteringAnAddressThatHasAnAccountLooksTheSameButOnlyMailsTheOwner(string provider)
    {
        using var factory = new BylineFactory(provider);
        var existing = await factory.CreateUserAsync();
        using var visitor = AccountSession.Start(factory);

        var response = await visitor.SubmitAsync("/account/register", Fields(existing.Email, "Impostor"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/confirm", response.Headers.Location?.OriginalString);
        var mail = Mailbox.LatestTo(factory, existing.Email);
        Assert.Equal("You already have an account", mail.Subject);
        Assert.Contains("/account/forgot-password", mail.TextBody, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == existing.Email));
        Assert.Equal(existing.DisplayName, (await db.Users.SingleAsync(u => u.Email == existing.Email)).DisplayName);
    }

    [Fact]
    public async Task ARegistrationPostWithoutTheFormTokenIsRefused()
    {
        using var factory = new BylineFactory();
        using var visitor = AccountSession.Start(factory);

        var response = await visitor.Client.PostAsync("/account/register", new FormUrlEncodedContent(Fields($"{Guid.NewGuid():N}@example.test", "Mallory")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.DisplayName == "Mallory"));
    }

    private static Dictionary<string, string> Fields(string email, string name) => new()
    {
        ["Email"] = email,
        ["DisplayName"] = name,
        ["Password"] = Password,
        ["ConfirmPassword"] = Password,
    };
}
