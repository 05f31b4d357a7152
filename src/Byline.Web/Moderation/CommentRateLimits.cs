using Byline.Core.Moderation;
using Microsoft.Extensions.Options;

namespace Byline.Web.Moderation;

/// <summary>
/// Token buckets on posting comments: per account, per guest address, and per address for everyone. Driven by the
/// app's <see cref="TimeProvider"/>, so tests move the clock instead of waiting.
/// </summary>
/// <remarks>The buckets live in this process: on several nodes each counts its own share (documented in the README).</remarks>
public sealed class CommentRateLimits(IOptions<ModerationOptions> options, TimeProvider time)
{
    private readonly TokenBuckets accounts = new(options.Value.AccountBurst, TimeSpan.FromSeconds(options.Value.AccountRefillSeconds));
    private readonly TokenBuckets guests = new(options.Value.GuestBurst, TimeSpan.FromSeconds(options.Value.GuestRefillSeconds));
    private readonly TokenBuckets addresses = new(options.Value.AddressBurst, TimeSpan.FromSeconds(options.Value.AddressRefillSeconds));

    /// <returns>Null when the comment may be posted, else how long to wait.</returns>
    public TimeSpan? TryPost(string? userId, string clientAddress)
    {
        var now = time.GetUtcNow();
        if (!addresses.TryTake(clientAddress, now, out var wait))
        {
            return wait;
        }
        var allowed = userId is null
            ? guests.TryTake(clientAddress, now, out wait)
            : accounts.TryTake(userId, now, out wait);
        return allowed ? null : wait;
    }
}
