using System.Globalization;
using StackExchange.Redis;

namespace Byline.Web.Comments.Live;

/// <summary>
/// The feed across nodes: a nudge is a Redis PUBLISH on one channel that every node subscribes to. Pub/sub delivers at
/// most once, which is all a nudge needs: the events are in the database, and every node also polls for them
/// (every few seconds, see <see cref="LiveDiscussions"/>), so a nudge lost while Redis restarts only makes an update late.
/// </summary>
public sealed class RedisCommentFeed(IConnectionMultiplexer redis, ILogger<RedisCommentFeed> logger) : ICommentFeed
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("byline:discussions");

    public async Task PublishAsync(int articleId)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, articleId.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The change is committed: readers on other nodes see it at their next poll instead.
            logger.LogWarning(ex, "Could not publish a discussion change of story {ArticleId} to Redis", articleId);
        }
    }

    public async Task SubscribeAsync(Action<int> onChanged, CancellationToken cancellationToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        queue.OnMessage(message =>
        {
            if (int.TryParse((string?)message.Message, NumberStyles.None, CultureInfo.InvariantCulture, out var articleId))
            {
                onChanged(articleId);
            }
        });
        cancellationToken.Register(() =>
        {
            try
            {
                queue.Unsubscribe();
            }
            catch (Exception ex) when (ex is ObjectDisposedException or RedisException)
            {
                // The app is stopping and the connection is already gone, and its subscriptions with it.
            }
        });
    }
}
