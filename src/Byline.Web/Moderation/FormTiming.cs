using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Byline.Web.Moderation;

/// <summary>
/// When a comment form was rendered, sealed with Data Protection so a bot cannot claim it read the page for a minute.
/// The stamp is the same for every reader of a cached page, and a cached page is only ever older than its stamp
/// says, so caching never makes a real reader look fast.
/// </summary>
public sealed class FormTiming(IDataProtectionProvider protection, TimeProvider time)
{
    public const string Field = "Started";
    private readonly IDataProtector protector = protection.CreateProtector("Byline.Moderation.FormTiming");

    public string Stamp() => protector.Protect(time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>How long ago the form was rendered; null when the stamp is missing or not one this site made.</summary>
    public TimeSpan? Elapsed(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return null;
        }
        try
        {
            var started = long.Parse(protector.Unprotect(stamp), CultureInfo.InvariantCulture);
            return time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(started);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return null;
        }
    }
}
