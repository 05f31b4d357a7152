using System.Net;
using System.Text.RegularExpressions;
using Byline.Data.Accounts;
using Byline.Tests.Admin;
using Byline.Tests.Infrastructure;
using Byline.Web.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Cli;

public sealed partial class UserCommandTests(BylineApps apps) : IClassFixture<BylineApps>, IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("byline-user-cli-");

    public void Dispose() => folder.Delete(recursive: true);

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(
        Func<IServiceProvider, TextWriter, TextWriter, Task<int>> command, BylineFactory factory)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await command(factory.Services, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    private static string PasswordIn(string output)
    {
        var match = PasswordLine().Match(output);
        Assert.True(match.Success, $"No password in: {output}");
        return match.Groups["password"].Value;
    }

    private static async Task<bool> PasswordWorksAsync(BylineFactory factory, string email, string password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>();
        return await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
    }

    private static string NewEmail() => $"cli-{Guid.NewGuid():N}@example.test";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UserAddCreatesAConfirmedAccountWithAOneTimePasswordRolesAndAWriterPage(string provider)
    {
        var factory = apps[provider];
        var email = NewEmail();
        var name = "Tomás Ruiz " + Unique.Suffix();

        var (exit, output, errors) = await RunAsync((s, o, e) => UserCommands.AddAsync(s, email, name, ["writer", "Editor"], o, e, CancellationToken.None), factory);

        Assert.Equal((0, ""), (exit, errors));
        Assert.StartsWith($"Created the account {email} ({name}; roles: reader, writer, editor).", output, StringComparison.Ordinal);
        var password = PasswordIn(output);
        Assert.Equal(20, password.Length);
        Assert.True(await PasswordWorksAsync(factory, email, password));
        await using var db = factory.CreateDbContext();
        var account = await db.Users.SingleAsync(u => u.Email == email);
        Assert.True(account.EmailConfirmed);
        Assert.True(account.MustChangePassword);
        Assert.Equal(name, account.DisplayName);
        Assert.Equal(["editor", "writer"], await factory.StoredRolesAsync(account.Id));
        var writer = await db.Writers.SingleAsync(w => w.Id == account.WriterId);
        Assert.Equal(name, writer.DisplayName);
        var entry = Assert.Single(await factory.AuditAboutAsync($"user:{account.Id}"));
        Assert.Equal(("user.create", "cli", null), (entry.Action, entry.ActorName, entry.ActorUserId));
        Assert.StartsWith("created with roles: reader, writer, editor; writer page /writers/", entry.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UserAddWithoutANameOrRoleMakesAReaderNamedAfterTheEmail(string provider)
    {
        var factory = apps[provider];
        var email = NewEmail();

        var (exit, _, _) = await RunAsync((s, o, e) => UserCommands.AddAsync(s, email, null, [], o, e, CancellationToken.None), factory);

        Assert.Equal(0, exit);
        var account = await factory.AccountAsync((await FindIdAsync(factory, email))!);
        Assert.Equal(email.Split('@')[0], account?.DisplayName);
        Assert.Null(account?.WriterId);
        Assert.Empty(await factory.StoredRolesAsync(account!.Id));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UserAddRefusesADuplicateEmailAndLeavesTheAccountAlone(string provider)
    {
        var factory = apps[provider];
        var existing = await factory.CreateUserAsync(Roles.Writer);

        var (exit, output, errors) = await RunAsync(
            (s, o, e) => UserCommands.AddAsync(s, existing.Email.ToUpperInvariant(), "Impostor", ["admin"], o, e, CancellationToken.None), factory);

        Assert.NotEqual(0, exit);
        Assert.Equal("", output);
        Assert.Contains("already exists", errors, StringComparison.Ordinal);
        Assert.Equal(["writer"], await factory.StoredRolesAsync(existing.Id));
        Assert.Equal(existing.DisplayName, (await factory.AccountAsync(existing.Id))?.DisplayName);
        Assert.True(await PasswordWorksAsync(factory, existing.Email, TestUsers.Password));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UserAddRefusesAnUnknownRoleOrABadEmailAndStoresNothing(string provider)
    {
        var factory = apps[provider];
        var email = NewEmail();
        await using var db = factory.CreateDbContext();
        var before = await db.Users.CountAsync();

        var unknownRole = await RunAsync((s, o, e) => UserCommands.AddAsync(s, email, null, ["writer", "chief"], o, e, CancellationToken.None), factory);
        var badEmail = await RunAsync((s, o, e) => UserCommands.AddAsync(s, "not an email", null, [], o, e, CancellationToken.None), factory);
        var longName = await RunAsync((s, o, e) => UserCommands.AddAsync(s, email, new string('x', 81), [], o, e, CancellationToken.None), factory);

        Assert.NotEqual(0, unknownRole.Exit);
        Assert.StartsWith("Unknown role 'chief'. Roles: reader, writer, editor, moderator, admin", unknownRole.Errors, StringComparison.Ordinal);
        Assert.NotEqual(0, badEmail.Exit);
        Assert.StartsWith("'not an email' is not an email address.", badEmail.Errors, StringComparison.Ordinal);
        Assert.NotEqual(0, longName.Exit);
        Assert.Equal(before, await db.Users.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SetPasswordGivesANewOneTimePasswordAndLiftsALockout(string provider)
    {
        var factory = apps[provider];
        var user = await factory.CreateUserAsync(Roles.Editor);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>();
            var account = (await users.FindByIdAsync(user.Id))!;
            await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientFor(user).GetAsync("/api/v1/me")).StatusCode);

        var (exit, output, errors) = await RunAsync((s, o, e) => UserCommands.SetPasswordAsync(s, user.Email, o, e, CancellationToken.None), factory);

        Assert.Equal((0, ""), (exit, errors));
        var password = PasswordIn(output);
        Assert.True(await PasswordWorksAsync(factory, user.Email, password));
        Assert.False(await PasswordWorksAsync(factory, user.Email, TestUsers.Password));
        var updated = await factory.AccountAsync(user.Id);
        Assert.True(updated?.MustChangePassword);
        Assert.Null(updated?.LockoutEnd);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(user).GetAsync("/api/v1/me")).StatusCode);
        var entry = Assert.Single(await factory.AuditAboutAsync($"user:{user.Id}"));
        Assert.Equal(("user.set-password", "cli"), (entry.Action, entry.ActorName));
        Assert.DoesNotContain(password, entry.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SetPasswordForAnUnknownEmailFails(string provider)
    {
        var factory = apps[provider];

        var (exit, output, errors) = await RunAsync((s, o, e) => UserCommands.SetPasswordAsync(s, "nobody@example.test", o, e, CancellationToken.None), factory);

        Assert.NotEqual(0, exit);
        Assert.Equal("", output);
        Assert.StartsWith("There is no account with the email nobody@example.test.", errors, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UserListShowsEveryAccountWithItsRolesAndStatus(string provider)
    {
        var factory = apps[provider];
        var moderator = await factory.CreateUserAsync(Roles.Moderator);

        var (exit, output, _) = await RunAsync((s, o, _) => UserCommands.ListAsync(s, o, CancellationToken.None), factory);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Matches(@"^EMAIL\s+NAME\s+ROLES\s+CREATED\s+STATUS$", lines[0]);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^admin@localhost\s+Administrator\s+reader,admin\s+\d{4}-\d\d-\d\d\s+must-change-password$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, $@"^{Regex.Escape(moderator.Email)}\s+{Regex.Escape(moderator.DisplayName)}\s+reader,moderator\s+2026-11-27\s+active$"));
    }

    [Fact]
    public async Task UserAndTokenVerbsWorkFromTheCommandLineAndFailWithANonZeroExit()
    {
        var data = Path.Combine(folder.FullName, "data");
        string[] Verb(params string[] args) => [.. args, "--data", data];

        Assert.Equal(0, await BylineCli.RunAsync(Verb("user", "add", "ed@example.test", "--name", "Ed Itor", "--role", "editor", "--role", "admin")));
        Assert.NotEqual(0, await BylineCli.RunAsync(Verb("user", "add", "ed@example.test")));
        Assert.NotEqual(0, await BylineCli.RunAsync(Verb("user", "add", "x@example.test", "--role", "chief")));
        Assert.Equal(0, await BylineCli.RunAsync(Verb("user", "set-password", "ed@example.test")));
        Assert.NotEqual(0, await BylineCli.RunAsync(Verb("user", "set-password", "nobody@example.test")));
        Assert.Equal(0, await BylineCli.RunAsync(Verb("user", "list")));
        Assert.Equal(0, await BylineCli.RunAsync(Verb("token", "create", "ed@example.test", "--name", "deploy")));
        Assert.NotEqual(0, await BylineCli.RunAsync(Verb("token", "create", "ed@example.test")));

        var options = new DbContextOptionsBuilder<Byline.Data.BylineDbContext>();
        Byline.Web.Data.DataFeature.Configure(options, new Byline.Web.Data.BylineOptions { DataDirectory = data });
        await using (var db = new Byline.Data.BylineDbContext(options.Options))
        {
            var account = await db.Users.SingleAsync();
            Assert.Equal(("ed@example.test", "Ed Itor", true), (account.Email, account.DisplayName, account.MustChangePassword));
            var roles = await db.UserRoles.Where(ur => ur.UserId == account.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).OrderBy(n => n).ToListAsync();
            Assert.Equal(["admin", "editor"], roles);
            Assert.Equal("deploy", (await db.ApiTokens.SingleAsync()).Name);
            Assert.NotNull(await db.Writers.SingleOrDefaultAsync(w => w.Id == account.WriterId));
            Assert.Equal(["token.create", "user.create", "user.set-password"], await db.AuditEntries.Select(e => e.Action).OrderBy(a => a).ToListAsync());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static async Task<string?> FindIdAsync(BylineFactory factory, string email)
    {
        await using var db = factory.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleOrDefaultAsync();
    }

    [GeneratedRegex(@"one-time password: (?<password>\S+)")]
    private static partial Regex PasswordLine();
}
