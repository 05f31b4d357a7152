using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Byline.Web.Notifications;

/// <summary>
/// The signed token of an unsubscribe link: an account and a scope (one story's discussion, or all notification mail),
/// protected (encrypted and authenticated) with Data Protection, whose keys every node shares. Anyone holding the
/// link may use it without signing in (that is what a mail link is for), but nobody can make one for another account
/// or another story, and a changed token is refused. A token is good for <see cref="Lifetime"/>, long enough for old
/// mail to keep working.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider, TimeProvider time)
{
    public const string Purpose = "Byline.Unsubscribe";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    /// <summary>What a token unsubscribes from: one story (<see cref="ArticleId"/>), or all mail when it is null.</summary>
    public sealed record Scope(string UserId, int? ArticleId);

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Create(string userId, int? articleId)
    {
        var issued = time.GetUtcNow().ToUnixTimeSeconds();
        var text = string.Create(CultureInfo.InvariantCulture, $"1|{issued}|{(articleId is { } id ? id.ToString(CultureInfo.InvariantCulture) : "all")}|{userId}");
        return protector.Protect(text);
    }

    /// <summary>The scope of a genuine, unexpired token; null for anything else.</summary>
    public Scope? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return null;
        }
        string text;
        try
        {
            text = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = text.Split('|', 4);
        if (parts.Length != 4 || parts[0] != "1"
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            || DateTimeOffset.FromUnixTimeSeconds(issued) + Lifetime < time.GetUtcNow())
        {
            return null;
        }
        int? articleId = null;
        if (parts[2] != "all")
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }
            articleId = id;
        }
        return parts[3].Length > 0 ? new Scope(parts[3], articleId) : null;
    }
}
