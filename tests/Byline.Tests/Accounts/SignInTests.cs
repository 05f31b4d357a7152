using System.Net;
using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Accounts;

public sealed class SignInTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FiveWrongPasswordsLockTheAccountAndSayUntilWhen(string provider)
    {
        using var factory = new BylineFactory(provider);
        var reader = await factory.CreateUserAsync();
        using var visitor = AccountSession.Start(factory);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await SignInAsync(visitor, reader.Email, "wrong password " + attempt);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("The email address or the password is not right.", await AccountSession.FormErrorAsync(wrong));
        }
        var fifth = await SignInAsync(visitor, reader.Email, "wrong password 5");

        Assert.Equal(HttpStatusCode.Locked, fifth.StatusCode);
        var message = await AccountSession.FormErrorAsync(fifth);
        Assert.StartsWith("Too many failed attempts: this account is locked until ", message, StringComparison.Ordinal);
        // Now even the right password is refused, with the same message.
        var right = await SignInAsync(visitor, reader.Email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        Assert.Equal(message, await AccountSession.FormErrorAsync(right));
        await using var db = factory.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == reader.Id);
        Assert.NotNull(user.LockoutEnd);
        Assert.Contains(Byline.Web.Articles.NewsDate.DateAndTime(user.LockoutEnd.Value, TimeZoneInfo.Utc), message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAccountOnALocalDomainLikeTheFirstAdminCanSignIn()
    {
        using var factory = new BylineFactory();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>();
            var created = await users.CreateAsync(
                new BylineUser { UserName = "ops@localhost", Email = "ops@localhost", EmailConfirmed = true, DisplayName = "Operator" }, TestUsers.Password);
            Assert.True(created.Succeeded);
        }
        using var visitor = AccountSession.Start(factory);

        await visitor.SignInAsync("ops@localhost", TestUsers.Password);

        // Registering one needs an address mail can reach from outside.
        using var stranger = AccountSession.Start(factory);
        var registered = await stranger.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Email"] = "me@localhost", ["DisplayName"] = "Me", ["Password"] = TestUsers.Password, ["ConfirmPassword"] = TestUsers.Password,
        });
        Assert.Equal(HttpStatusCode.BadRequest, registered.StatusCode);
        Assert.NotNull(Http.Parse(await registered.Content.ReadAsStringAsync()).QuerySelector("#field-email-error"));
    }

    [Fact]
    public async Task AnUnknownAddressGetsTheSameAnswerAsAWrongPassword()
    {
        using var factory = new BylineFactory();
        using var visitor = AccountSession.Start(factory);

        var response = await SignInAsync(visitor, "nobody@example.test", "whatever password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The email address or the password is not right.", await AccountSession.FormErrorAsync(response));
    }

    [Fact]
    public async Task SigningInReturnsToTheLocalPageItCameFromButNeverToAnotherSite()
    {
        using var factory = new BylineFactory();
        var reader = await factory.CreateUserAsync();
        using var visitor = AccountSession.Start(factory);

        var local = await visitor.SubmitAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Email"] = reader.Email, ["Password"] = TestUsers.Password, ["ReturnUrl"] = "/world/some-story",
        });
        Assert.Equal("/world/some-story", local.Headers.Location?.OriginalString);

        using var other = AccountSession.Start(factory);
        var away = await other.SubmitAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Email"] = reader.Email, ["Password"] = TestUsers.Password, ["ReturnUrl"] = "//evil.example/phish",
        });
        Assert.Equal("/", away.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AResetLinkSetsANewPasswordOnceAndUnlocksTheAccount(string provider)
    {
        using var factory = new BylineFactory(provider);
        var reader = await factory.CreateUserAsync();
        using var visitor = AccountSession.Start(factory);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(visitor, reader.Email, "wrong password");
        }

        var asked = await visitor.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = reader.Email });

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var status = (await visitor.PageAsync("/account/forgot-password")).QuerySelector(".account-status")!.Text();
        Assert.Contains("If " + reader.Email + " belongs to an account", status, StringComparison.Ordinal);
        var mail = Mailbox.LatestTo(factory, reader.Email);
        Assert.Equal("Reset your password", mail.Subject);
        var link = Mailbox.LinkIn(mail);
        Assert.StartsWith("/account/reset-password?user=", link, StringComparison.Ordinal);

        var mismatch = await visitor.SubmitAsync(link, "/account/reset-password", ResetFields(link, "brand new password", "other"));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        var reset = await visitor.SubmitAsync(link, "/account/reset-password", ResetFields(link, "brand new password", "brand new password"));

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/account/sign-in", reset.Headers.Location?.OriginalString);
        Assert.Equal("Your password is changed. Sign in with the new one.", (await visitor.PageAsync("/account/sign-in")).QuerySelector(".account-status")!.Text());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(visitor, reader.Email, TestUsers.Password)).StatusCode);
        await visitor.SignInAsync(reader.Email, "brand new password");

        // The link worked once.
        using var again = AccountSession.Start(factory);
        var reused = await again.SubmitAsync(link, "/account/reset-password", ResetFields(link, "third password here", "third password here"));
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("not valid any more", await AccountSession.FormErrorAsync(reused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPasswordAnswersTheSameForAnAddressWithoutAnAccountAndSendsNothing()
    {
        using var factory = new BylineFactory();
        using var visitor = AccountSession.Start(factory);

        var response = await visitor.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "nobody@example.test" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("If nobody@example.test belongs to an account", (await visitor.PageAsync("/account/forgot-password")).QuerySelector(".account-status")!.Text(), StringComparison.Ordinal);
        Assert.Empty(Mailbox.All(factory));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AGeneratedPasswordMustBeChangedBeforeAnyOtherPageOpens(string provider)
    {
        using var factory = new BylineFactory(provider);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>();
            var user = (await users.FindByIdAsync(admin.Id))!;
            user.MustChangePassword = true;
            await users.UpdateAsync(user);
        }
        using var visitor = AccountSession.Start(factory);

        var signedIn = await SignInAsync(visitor, admin.Email, TestUsers.Password);

        Assert.Equal("/account/password", signedIn.Headers.Location?.OriginalString);
        foreach (var path in new[] { "/", "/account", "/account/register" })
        {
            var response = await visitor.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/password", response.Headers.Location?.OriginalString);
        }
        var page = await visitor.PageAsync("/account/password");
        Assert.Contains("Choose your own to continue", page.QuerySelector(".account-notice")!.Text(), StringComparison.Ordinal);

        var same = await visitor.SubmitAsync("/account/password", PasswordFields(TestUsers.Password, TestUsers.Password));
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        var wrongCurrent = await visitor.SubmitAsync("/account/password", PasswordFields("not my password", "my own new password"));
        Assert.Equal("That is not your current password.", Http.Parse(await wrongCurrent.Content.ReadAsStringAsync()).QuerySelector("#field-currentpassword-error")!.Text());

        var changed = await visitor.SubmitAsync("/account/password", PasswordFields(TestUsers.Password, "my own new password"));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/account", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync("/")).StatusCode);
        Assert.Equal("Your password is changed.", (await visitor.PageAsync("/account")).QuerySelector(".account-status")!.Text());
        await using var db = factory.CreateDbContext();
        Assert.False((await db.Users.SingleAsync(u => u.Id == admin.Id)).MustChangePassword);
    }

    [Fact]
    public async Task SignOutIsAPostAndEndsTheSession()
    {
        using var factory = new BylineFactory();
        var reader = await factory.CreateUserAsync();
        using var visitor = AccountSession.Start(factory);
        await visitor.SignInAsync(reader.Email, TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync("/account/sign-out")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync("/account")).StatusCode);
        var signedOut = await visitor.SubmitAsync("/", "/account/sign-out", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var account = await visitor.Client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.StartsWith("/account/sign-in", account.Headers.Location?.PathAndQuery ?? account.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SignInAsync(AccountSession visitor, string email, string password) =>
        visitor.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    private static Dictionary<string, string> ResetFields(string link, string password, string confirm)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("https://localhost" + link).Query);
        return new()
        {
            ["user"] = query["user"].ToString(),
            ["code"] = query["code"].ToString(),
            ["Password"] = password,
            ["ConfirmPassword"] = confirm,
        };
    }

    private static Dictionary<string, string> PasswordFields(string current, string next) => new()
    {
        ["CurrentPassword"] = current,
        ["NewPassword"] = next,
        ["ConfirmPassword"] = next,
    };
}
