using System.Globalization;
using System.Threading.RateLimiting;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Byline.Web.Accounts;

/// <summary>
/// How often the account forms (sign-in, registration, password reset, confirmation mail, passkeys) may be posted.
/// Two limits: per client address, by ASP.NET Core's rate limiter in front of the pages, and per account, counted by
/// the page once it has read which address the form names (the limiter runs before the form is read). Lockout still
/// stops password guessing on one account; these stop one client from working through many accounts, and many
/// clients from flooding one person's mailbox.
/// </summary>
/// <remarks>The counters live in this process; several nodes each count their own share.</remarks>
public sealed class AccountLimits(ILookupNormalizer normalizer) : IDisposable
{
    public const string PerClientPolicy = "accounts-per-client";
    public const int PerClientPermits = 30;
    public static readonly TimeSpan PerClientWindow = TimeSpan.FromMinutes(1);
    public const int PerAccountPermits = 10;
    public static readonly TimeSpan PerAccountWindow = TimeSpan.FromMinutes(15);

    public const string TooManyForAccount =
        "Too many attempts for this email address. Wait 15 minutes, then try again.";

    private readonly PartitionedRateLimiter<string> perAccount = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PerAccountPermits,
            Window = PerAccountWindow,
            QueueLimit = 0,
        }));

    /// <summary>Counts one attempt against the account the form names; false once that account's budget is spent.</summary>
    public bool TryAcquireForAccount(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return true;
        }
        using var lease = perAccount.AttemptAcquire(normalizer.NormalizeEmail(email.Trim()));
        return lease.IsAcquired;
    }

    public void Dispose() => perAccount.Dispose();

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<AccountLimits>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PerClientPolicy, context =>
                HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = PerClientPermits, Window = PerClientWindow, QueueLimit = 0 }));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : PerClientWindow;
                http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                if (WantsJson(http.Request))
                {
                    await Problems.Create(StatusCodes.Status429TooManyRequests, "rate-limited",
                        "Too many attempts from your network. Wait a minute, then try again.").ExecuteAsync(http);
                }
                // A form post gets the site's error page for 429 (status code pages), which says the same in words.
            };
        });
    }

    private static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase) || request.HasJsonContentType();
}
