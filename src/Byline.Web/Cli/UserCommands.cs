using System.Globalization;
using System.Net.Mail;
using Byline.Data;
using Byline.Data.Accounts;
using Byline.Web.Accounts;
using Byline.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Cli;

/// <summary>
/// `byline user add|set-password|list`: the operator's way in when no admin can sign in. Passwords are generated,
/// printed once and must be changed at the next sign-in. Changes are audited with "cli" as the actor.
/// </summary>
public static class UserCommands
{
    public const string Actor = "cli";

    public static async Task<int> AddAsync(
        IServiceProvider services, string email, string? name, IReadOnlyList<string> roles, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        email = email.Trim();
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || email.Length > 254)
        {
            await errors.WriteLineAsync($"'{email}' is not an email address.");
            return 1;
        }
        var wanted = roles.Select(r => r.Trim().ToLowerInvariant()).Distinct().ToList();
        if (wanted.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            await errors.WriteLineAsync($"Unknown role '{unknown}'. Roles: {string.Join(", ", Roles.All)} (every account is a reader).");
            return 1;
        }
        var displayName = string.IsNullOrWhiteSpace(name) ? address.User : name.Trim();
        if (displayName.Length > 80 || displayName.Any(char.IsControl))
        {
            await errors.WriteLineAsync("--name must be at most 80 characters, without control characters.");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var users = provider.GetRequiredService<UserManager<BylineUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await errors.WriteLineAsync($"An account with the email {email} already exists. To give it a new password: byline user set-password {email}");
            return 1;
        }
        var stored = wanted.Where(Roles.IsStaff).ToList();
        await EnsureRolesExistAsync(provider.GetRequiredService<RoleManager<IdentityRole>>());

        var db = provider.GetRequiredService<BylineDbContext>();
        var time = provider.GetRequiredService<TimeProvider>();
        var password = FirstAdmin.GeneratePassword();
        var user = new BylineUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = time.GetUtcNow(),
            MustChangePassword = true,
        };
        using (await provider.GetRequiredService<WriteGate>().EnterAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var created = await users.CreateAsync(user, password);
            if (created.Succeeded && stored.Count > 0)
            {
                created = await users.AddToRolesAsync(user, stored);
            }
            if (!created.Succeeded)
            {
                await errors.WriteLineAsync($"Could not create the account: {string.Join(" ", created.Errors.Select(e => e.Description))}");
                return 1;
            }
            var detail = $"created with roles: {string.Join(", ", Admin.AccountRoles.Ordered(stored))}";
            if (stored.Any(StaffProfiles.NeedsWriterPage)
                && await provider.GetRequiredService<StaffProfiles>().EnsureWriterPageAsync(user, cancellationToken) is { } page)
            {
                detail += $"; writer page {Articles.ArticlePaths.Writer(page.Slug)} created";
            }
            AuditLog.RecordSystem(db, time.GetUtcNow(), Actor, "user.create", AuditLog.User(user.Id), detail);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await output.WriteLineAsync($"Created the account {email} ({displayName}; roles: {string.Join(", ", Admin.AccountRoles.Ordered(stored))}).");
        await WritePasswordAsync(output, password);
        return 0;
    }

    /// <summary>A new one-time password; also lifts a lockout, since this is how an operator lets someone back in.</summary>
    public static async Task<int> SetPasswordAsync(IServiceProvider services, string email, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var users = provider.GetRequiredService<UserManager<BylineUser>>();
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            await errors.WriteLineAsync($"There is no account with the email {email.Trim()}. To create one: byline user add {email.Trim()}");
            return 1;
        }
        var db = provider.GetRequiredService<BylineDbContext>();
        var time = provider.GetRequiredService<TimeProvider>();
        var password = FirstAdmin.GeneratePassword();
        using (await provider.GetRequiredService<WriteGate>().EnterAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            user.MustChangePassword = true;
            // Removing and adding the password each change the security stamp: every signed-in session of the account ends.
            foreach (var step in new Func<Task<IdentityResult>>[]
            {
                () => users.RemovePasswordAsync(user),
                () => users.AddPasswordAsync(user, password),
                () => users.SetLockoutEndDateAsync(user, null),
                () => users.ResetAccessFailedCountAsync(user),
            })
            {
                var result = await step();
                if (!result.Succeeded)
                {
                    await errors.WriteLineAsync($"Could not set the password: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                    return 1;
                }
            }
            AuditLog.RecordSystem(db, time.GetUtcNow(), Actor, "user.set-password", AuditLog.User(user.Id), "one-time password set; lockout lifted");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await output.WriteLineAsync($"Set a new password for {user.Email} ({user.DisplayName}).");
        await WritePasswordAsync(output, password);
        return 0;
    }

    public static async Task<int> ListAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var accounts = await db.Users.AsNoTracking()
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .Select(u => new
            {
                u.Email, u.DisplayName, u.CreatedAt, u.EmailConfirmed, u.LockoutEnd, u.MustChangePassword,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        var rows = accounts.Select(a => new[]
        {
            a.Email ?? "",
            a.DisplayName,
            string.Join(",", Admin.AccountRoles.Ordered(a.Roles.OfType<string>())),
            a.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            a.LockoutEnd > now ? "locked" : !a.EmailConfirmed ? "unconfirmed" : a.MustChangePassword ? "must-change-password" : "active",
        }).Prepend(["EMAIL", "NAME", "ROLES", "CREATED", "STATUS"]).ToList();
        var widths = Enumerable.Range(0, 5).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            await output.WriteLineAsync(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
        }
        return 0;
    }

    /// <summary>The CLI may run before the site ever started, when the stored roles do not exist yet.</summary>
    private static async Task EnsureRolesExistAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.Staff)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private static async Task WritePasswordAsync(TextWriter output, string password)
    {
        await output.WriteLineAsync($"  one-time password: {password}");
        await output.WriteLineAsync($"It is shown only now. It works until the first sign-in at {AccountPaths.SignIn}, which must choose a new one.");
    }
}
