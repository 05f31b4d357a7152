using Byline.Core.Moderation;
using Microsoft.Extensions.Options;

namespace Byline.Web.Comments.Votes;

/// <summary>A token bucket per account on voting, driven by the app's <see cref="TimeProvider"/> so tests move the clock.</summary>
/// <remarks>The buckets live in this process, as the posting limits' do: on several nodes each counts its own share.</remarks>
public sealed class VoteRateLimits(IOptions<VoteOptions> options, TimeProvider time)
{
    private readonly TokenBuckets accounts = new(Math.Max(1, options.Value.Burst), TimeSpan.FromSeconds(Math.Max(0.001, options.Value.RefillSeconds)));

    /// <returns>Null when the account may vote now, else how long to wait.</returns>
    public TimeSpan? TryVote(string userId) =>
        accounts.TryTake(userId, time.GetUtcNow(), out var wait) ? null : wait;
}
