using System.Security.Cryptography;
using System.Text;
using Byline.Data;
using Byline.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Accounts;

/// <summary>
/// Personal API tokens: "byl_" + 43 base64url characters (256 random bits). The secret is shown once; the database keeps
/// its SHA-256 hash, which is enough for a secret of this entropy and lets each request be checked with one lookup.
/// </summary>
public sealed class ApiTokens(BylineDbContext db, TimeProvider time)
{
    public const string Prefix = "byl_";
    public const int MaxNameLength = 80;
    public const int MaxTokensPerUser = 50;

    public sealed record Created(ApiToken Token, string Secret);

    public async Task<Created> CreateAsync(string userId, string name, CancellationToken cancellationToken)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = userId,
            Name = name.Trim(),
            Hash = Hash(secret),
            Hint = secret[..(Prefix.Length + 4)],
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new Created(token, secret);
    }

    /// <summary>Revokes one of the user's own tokens; false when there is no such live token of theirs.</summary>
    public async Task<bool> RevokeAsync(string userId, long tokenId, CancellationToken cancellationToken) =>
        await db.ApiTokens
            .Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, time.GetUtcNow()), cancellationToken) == 1;

    /// <summary>The live token with this secret, if any.</summary>
    public Task<ApiToken?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return Task.FromResult<ApiToken?>(null);
        }
        var hash = Hash(secret);
        return db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, cancellationToken);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
