using Byline.Data;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Accounts;

/// <summary>
/// Issuing and revoking personal API tokens on someone's behalf, for the tokens page and the CLI alike: the name rules,
/// the per-account limit, and the audit entry in the same transaction as the change.
/// </summary>
public sealed class TokenIssuing(BylineDbContext db, ApiTokens tokens, AuditLog audit, WriteGate gate, TimeProvider time)
{
    public enum Revocation { Revoked, AlreadyRevoked, NotFound }

    /// <summary>Null when the name is acceptable; otherwise what is wrong with it, in words for the person who typed it.</summary>
    public static string? CheckName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "Give the token a name, so you can tell it apart later (e.g. \"newsletter script\").";
        }
        if (trimmed.Length > ApiTokens.MaxNameLength)
        {
            return $"The name can be at most {ApiTokens.MaxNameLength} characters long.";
        }
        return trimmed.Any(char.IsControl) ? "The name cannot contain control characters." : null;
    }

    /// <param name="actor">The name the audit log gives the actor when no person is signed in (the CLI).</param>
    public async Task<(ApiTokens.Created? Token, string? Error)> IssueAsync(string userId, string? name, string? actor, CancellationToken cancellationToken)
    {
        if (CheckName(name) is { } problem)
        {
            return (null, problem);
        }
        using (await gate.EnterAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var live = await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null, cancellationToken);
            if (live >= ApiTokens.MaxTokensPerUser)
            {
                return (null, $"An account can have at most {ApiTokens.MaxTokensPerUser} live tokens. Revoke one you no longer use first.");
            }
            var created = await tokens.CreateAsync(userId, name!, cancellationToken);
            Record(actor, "token.create", userId, $"{created.Token.Name} ({created.Token.Hint}…)");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (created, null);
        }
    }

    /// <summary>Revokes one of the account's own tokens; someone else's token is <see cref="Revocation.NotFound"/>.</summary>
    public async Task<Revocation> RevokeAsync(string userId, long tokenId, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var token = await db.ApiTokens.AsNoTracking()
                .Where(t => t.Id == tokenId && t.UserId == userId)
                .Select(t => new { t.Name, t.Hint })
                .FirstOrDefaultAsync(cancellationToken);
            if (token is null)
            {
                return Revocation.NotFound;
            }
            if (!await tokens.RevokeAsync(userId, tokenId, cancellationToken))
            {
                return Revocation.AlreadyRevoked;
            }
            Record(null, "token.revoke", userId, $"{token.Name} ({token.Hint}…)");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Revocation.Revoked;
        }
    }

    private void Record(string? actor, string action, string userId, string detail)
    {
        if (actor is null)
        {
            audit.Record(action, AuditLog.User(userId), detail);
        }
        else
        {
            AuditLog.RecordSystem(db, time.GetUtcNow(), actor, action, AuditLog.User(userId), detail);
        }
    }
}
