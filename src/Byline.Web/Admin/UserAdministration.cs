using Byline.Data;
using Byline.Data.Accounts;
using Byline.Web.Accounts;
using Byline.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Admin;

/// <summary>
/// What an admin does to other people's accounts: roles, lockout, deletion. Each change runs in one transaction with
/// its audit entry, after checking inside that transaction that the actor is still an admin and that the site keeps
/// at least one admin. Changes are serialized (SQLite: the write gate; PostgreSQL: an advisory lock), so two admins
/// removing each other at the same moment cannot leave the site without one.
/// </summary>
public sealed class UserAdministration(BylineDbContext db, UserManager<BylineUser> users, CurrentUser me, AuditLog audit, WriteGate gate)
{
    /// <summary>Any constant shared by every node: it names the lock, nothing else.</summary>
    private const long AccountChangesLock = 0x4279_6C69_6E65_0001;

    public enum Result { Done, NotFound, Forbidden, Invalid, Refused }

    public sealed record Outcome(Result Result, string Message)
    {
        public bool Succeeded => Result == Result.Done;
    }

    public Task<Outcome> AddRoleAsync(string userId, string role, CancellationToken cancellationToken) =>
        ChangeAsync(userId, async user =>
        {
            if (!Roles.IsStaff(role))
            {
                return UnknownRole(role);
            }
            if (await users.IsInRoleAsync(user, role))
            {
                return new Outcome(Result.Done, $"{user.DisplayName} already has the {role} role.");
            }
            if (Failed(await users.AddToRoleAsync(user, role)) is { } failed)
            {
                return failed;
            }
            var detail = role;
            if (StaffProfiles.NeedsWriterPage(role)
                && await new StaffProfiles(db).EnsureWriterPageAsync(user, cancellationToken) is { } page)
            {
                detail += $"; writer page {Articles.ArticlePaths.Writer(page.Slug)} created";
            }
            audit.Record("user.role-add", AuditLog.User(user.Id), detail);
            return new Outcome(Result.Done, $"{user.DisplayName} now has the {role} role.");
        }, cancellationToken);

    public Task<Outcome> RemoveRoleAsync(string userId, string role, CancellationToken cancellationToken) =>
        ChangeAsync(userId, async user =>
        {
            if (!Roles.IsStaff(role))
            {
                return UnknownRole(role);
            }
            if (!await users.IsInRoleAsync(user, role))
            {
                return new Outcome(Result.Done, $"{user.DisplayName} does not have the {role} role.");
            }
            if (role == Roles.Admin && await RefuseLosingAdminAsync(user, "remove your own admin role", cancellationToken) is { } refusal)
            {
                return refusal;
            }
            if (Failed(await users.RemoveFromRoleAsync(user, role)) is { } failed)
            {
                return failed;
            }
            // The writer page stays: published stories keep their bylines.
            audit.Record("user.role-remove", AuditLog.User(user.Id), role);
            return new Outcome(Result.Done, $"{user.DisplayName} no longer has the {role} role.");
        }, cancellationToken);

    public Task<Outcome> LockAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, async user =>
        {
            if (user.Id == me.Id)
            {
                return new Outcome(Result.Refused, "You cannot lock your own account.");
            }
            if (await users.IsLockedOutAsync(user))
            {
                return new Outcome(Result.Done, $"{user.DisplayName} is already locked.");
            }
            // A new security stamp ends the account's signed-in sessions; its API tokens already fail while it is locked.
            if (await StepsAsync(
                    () => users.SetLockoutEnabledAsync(user, true),
                    () => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue),
                    () => users.UpdateSecurityStampAsync(user)) is { } failed)
            {
                return failed;
            }
            audit.Record("user.lock", AuditLog.User(user.Id));
            return new Outcome(Result.Done, $"{user.DisplayName} is locked: they cannot sign in and their API tokens do not work.");
        }, cancellationToken);

    public Task<Outcome> UnlockAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, async user =>
        {
            if (!await users.IsLockedOutAsync(user))
            {
                return new Outcome(Result.Done, $"{user.DisplayName} is not locked.");
            }
            if (await StepsAsync(() => users.SetLockoutEndDateAsync(user, null), () => users.ResetAccessFailedCountAsync(user)) is { } failed)
            {
                return failed;
            }
            audit.Record("user.unlock", AuditLog.User(user.Id));
            return new Outcome(Result.Done, $"{user.DisplayName} is unlocked.");
        }, cancellationToken);

    /// <summary>
    /// Deletes the account with its roles, logins, passkeys and API tokens. Comments keep the name they were posted
    /// under; the writer page stays for the bylines.
    /// </summary>
    public Task<Outcome> DeleteAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, async user =>
        {
            if (await users.IsInRoleAsync(user, Roles.Admin)
                && await RefuseLosingAdminAsync(user, "delete your own account", cancellationToken) is { } refusal)
            {
                return refusal;
            }
            if (user.Id == me.Id)
            {
                return new Outcome(Result.Refused, "You cannot delete your own account.");
            }
            audit.Record("user.delete", AuditLog.User(user.Id), $"{user.DisplayName} <{user.Email}>");
            if (Failed(await users.DeleteAsync(user)) is { } failed)
            {
                return failed;
            }
            return new Outcome(Result.Done, $"Deleted the account of {user.DisplayName} ({user.Email}).");
        }, cancellationToken);

    /// <summary>The last admin keeps the role whoever asks; an admin never takes it from themselves.</summary>
    private async Task<Outcome?> RefuseLosingAdminAsync(BylineUser user, string selfAction, CancellationToken cancellationToken)
    {
        if (await AdminCountAsync(cancellationToken) <= 1)
        {
            return new Outcome(Result.Refused,
                $"{user.DisplayName} is the last admin, and the site must always have one. Make another account an admin first.");
        }
        return user.Id == me.Id ? new Outcome(Result.Refused, $"You cannot {selfAction}; another admin has to do it.") : null;
    }

    private async Task<Outcome> ChangeAsync(string userId, Func<BylineUser, Task<Outcome>> change, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await LockAccountChangesAsync(db, cancellationToken);
            // The actor's own roles are read again here: a cookie may carry an admin role that was removed a moment ago.
            if (me.Id is not { } actorId || !await IsAdminAsync(actorId, cancellationToken))
            {
                return new Outcome(Result.Forbidden, "Only admins manage accounts.");
            }
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return new Outcome(Result.NotFound, "There is no such account.");
            }
            var outcome = await change(user);
            if (outcome.Succeeded)
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                // Nothing of a refused change may linger in this request's unit of work.
                db.ChangeTracker.Clear();
            }
            return outcome;
        }
    }

    private Task<int> AdminCountAsync(CancellationToken cancellationToken) => AdminCountAsync(db, users, cancellationToken);

    /// <summary>How many accounts hold the admin role: the site must always keep one (see <see cref="RefuseLosingAdminAsync"/>).</summary>
    public static Task<int> AdminCountAsync(BylineDbContext db, UserManager<BylineUser> users, CancellationToken cancellationToken)
    {
        var admin = users.NormalizeName(Roles.Admin);
        return db.UserRoles.CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == admin), cancellationToken);
    }

    /// <summary>
    /// Serializes account changes that must not interleave (two admins removing each other): the caller holds the
    /// write gate and a transaction; on PostgreSQL this adds a transaction-scoped advisory lock.
    /// </summary>
    public static async Task LockAccountChangesAsync(BylineDbContext db, CancellationToken cancellationToken)
    {
        if (!db.IsSqlite)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AccountChangesLock})", cancellationToken);
        }
    }

    private Task<bool> IsAdminAsync(string userId, CancellationToken cancellationToken)
    {
        var admin = users.NormalizeName(Roles.Admin);
        return db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == admin), cancellationToken);
    }

    private static Outcome UnknownRole(string role) =>
        new(Result.Invalid, $"'{role}' is not a role that can be granted. Roles: {string.Join(", ", Roles.Staff)}.");

    /// <summary>Identity refused a step (e.g. someone else changed the account meanwhile); the transaction is rolled back.</summary>
    private static Outcome? Failed(IdentityResult result) =>
        result.Succeeded ? null : new Outcome(Result.Refused, string.Join(" ", result.Errors.Select(e => e.Description)));

    private static async Task<Outcome?> StepsAsync(params Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
        {
            if (Failed(await step()) is { } failed)
            {
                return failed;
            }
        }
        return null;
    }
}
