namespace Byline.Data.Accounts;

/// <summary>
/// A personal API token. Only a SHA-256 hash of the secret is stored: the secret is 256 random bits, so a fast hash is
/// as strong as a slow one and lets every API request be authenticated with one indexed lookup.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>Lowercase hex SHA-256 of the whole token string.</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the token, shown in lists so people can tell their tokens apart.</summary>
    public required string Hint { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
