using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Byline.Web.Moderation;

/// <summary>
/// The link that shows a held comment to the person who just posted it: a guest has no account to prove it is
/// theirs, so the link carries a sealed, day-long key for that one comment.
/// </summary>
public sealed class HeldComments(IDataProtectionProvider protection)
{
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(1);

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("Byline.Moderation.HeldComment").ToTimeLimitedDataProtector();

    public string Link(long commentId) =>
        $"/comments/{commentId}/held?k={Uri.EscapeDataString(protector.Protect(commentId.ToString(CultureInfo.InvariantCulture), KeyLifetime))}";

    public bool IsKeyFor(long commentId, string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }
        try
        {
            return protector.Unprotect(key) == commentId.ToString(CultureInfo.InvariantCulture);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
