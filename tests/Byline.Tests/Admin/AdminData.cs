using Byline.Data.Accounts;
using Byline.Data.Audit;
using Byline.Tests.Infrastructure;
using Byline.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Admin;

/// <summary>What the admin tests arrange and read back: the first admin's account, stored roles, audit entries.</summary>
public static class AdminData
{
    /// <summary>The admin every new site starts with (its one-time password went to the console), with a fresh API token.</summary>
    public static async Task<TestUsers.TestUser> FirstAdminAsync(this BylineFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>().FindByEmailAsync(FirstAdmin.DefaultEmail)
            ?? throw new InvalidOperationException("The site has no first admin.");
        // As after the admin's first sign-in: the generated password has been replaced, so pages no longer redirect.
        user.MustChangePassword = false;
        await scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>().UpdateAsync(user);
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "tests", CancellationToken.None);
        return new TestUsers.TestUser(user.Id, user.Email!, user.DisplayName, token.Secret, user.WriterId);
    }

    public static async Task<IReadOnlyList<string>> StoredRolesAsync(this BylineFactory factory, string userId)
    {
        await using var db = factory.CreateDbContext();
        return await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .OrderBy(name => name)
            .ToListAsync();
    }

    public static async Task<int> AdminCountAsync(this BylineFactory factory)
    {
        await using var db = factory.CreateDbContext();
        return await db.UserRoles.CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin));
    }

    /// <summary>The audit entries about one target, oldest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AuditAboutAsync(this BylineFactory factory, string target)
    {
        await using var db = factory.CreateDbContext();
        return (await db.AuditEntries.AsNoTracking().Where(e => e.Target == target).ToListAsync())
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
    }

    public static async Task<BylineUser?> AccountAsync(this BylineFactory factory, string userId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId);
    }

    /// <summary>Renames an account in the database (test accounts get unique names; some tests need them to clash).</summary>
    public static async Task RenameAsync(this BylineFactory factory, string userId, string displayName)
    {
        await using var db = factory.CreateDbContext();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, displayName));
    }

    public static string UserPage(string id) => $"/admin/users/{id}";
}
