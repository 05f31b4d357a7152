using System.Net.Sockets;
using System.Text;
using Byline.Data.Accounts;
using Byline.Web.Hosting.Email;
using MailKit;
using MailKit.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Byline.Web.Accounts;

/// <summary>
/// The mail the account pages send, with links carrying Identity's tokens. Links point at Byline:PublicUrl when it is
/// set (it should be behind a proxy: a forged Host header must not be able to send a reset link to another site),
/// else at the address the request came to.
/// </summary>
public sealed class AccountEmails(
    Mailer mailer,
    UserManager<BylineUser> users,
    IConfiguration configuration,
    ILogger<AccountEmails> logger)
{
    /// <summary>Sends the confirmation link; false when the mail could not be handed over (logged).</summary>
    public async Task<bool> SendConfirmationAsync(BylineUser user, HttpRequest request, CancellationToken cancellationToken)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = Link(request, AccountPaths.Confirm, user.Id, code);
        return await TrySendAsync(user, "Confirm your email address", $"""
            Hello {user.DisplayName},

            Please confirm that this is your email address by opening this link:

            {link}

            Until then you cannot sign in. If you did not register, ignore this message and no account will be used.
            """, cancellationToken);
    }

    public async Task<bool> SendPasswordResetAsync(BylineUser user, HttpRequest request, CancellationToken cancellationToken)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = Link(request, AccountPaths.ResetPassword, user.Id, code);
        return await TrySendAsync(user, "Reset your password", $"""
            Hello {user.DisplayName},

            Someone (hopefully you) asked to reset the password of your account. To choose a new one, open this link:

            {link}

            The link works once and expires in a day. If you did not ask, ignore this message: your password stays as it is.
            """, cancellationToken);
    }

    /// <summary>Sent instead of a second account, so the registration form does not tell strangers who has an account.</summary>
    public Task<bool> SendAlreadyRegisteredAsync(BylineUser user, HttpRequest request, CancellationToken cancellationToken) =>
        TrySendAsync(user, "You already have an account", $"""
            Hello {user.DisplayName},

            Someone tried to register a new account with this email address, which already has one.
            If that was you, sign in here:

            {BaseUrl(request)}{AccountPaths.SignIn}

            Forgot your password? Choose a new one here:

            {BaseUrl(request)}{AccountPaths.ForgotPassword}
            """, cancellationToken);

    /// <summary>Identity's tokens hold '+', '/' and '='; links carry them base64url-encoded.</summary>
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string Link(HttpRequest request, string path, string userId, string code) =>
        $"{BaseUrl(request)}{path}?user={Uri.EscapeDataString(userId)}&code={code}";

    private string BaseUrl(HttpRequest request) =>
        configuration["Byline:PublicUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";

    private async Task<bool> TrySendAsync(BylineUser user, string subject, string body, CancellationToken cancellationToken)
    {
        try
        {
            await mailer.SendAsync(user.Email!, user.DisplayName, subject, body, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is IOException or SocketException or CommandException or ProtocolException
            or AuthenticationException or ServiceNotConnectedException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Could not send \"{Subject}\" to user {UserId}", subject, user.Id);
            return false;
        }
    }
}
