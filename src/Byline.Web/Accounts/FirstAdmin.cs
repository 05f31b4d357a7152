using System.Security.Cryptography;
using Byline.Data;
using Byline.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Accounts;

/// <summary>
/// Makes sure the stored roles exist and, on a database without any account, creates the admin account with a
/// generated one-time password that the operator reads from the console (it must be changed at first sign-in).
/// </summary>
public sealed class FirstAdmin(
    BylineDbContext db,
    UserManager<BylineUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<FirstAdmin> logger)
{
    public const string DefaultEmail = "admin@localhost";

    public async Task EnsureAsync(TextWriter console, CancellationToken cancellationToken)
    {
        foreach (var role in Roles.Staff)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }
        var email = configuration["Byline:Admin:Email"] is { Length: > 0 } configured ? configured : DefaultEmail;
        var password = GeneratePassword();
        var admin = new BylineUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Administrator",
            CreatedAt = time.GetUtcNow(),
            MustChangePassword = true,
        };
        Check(await users.CreateAsync(admin, password));
        Check(await users.AddToRoleAsync(admin, Roles.Admin));
        logger.LogWarning("Created the admin account {Email}; its one-time password is printed on the console", email);
        await console.WriteLineAsync($"""

            Byline created the admin account.
              email:    {email}
              password: {password}
            Sign in at {AccountPaths.SignIn} and choose a new password; this one works only until then.

            """);
    }

    /// <summary>20 characters from an alphabet without look-alikes: about 115 bits.</summary>
    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
