namespace Byline.Web.Comments.Live;

/// <summary>The feed of a single node: a nudge goes straight to this process's subscribers.</summary>
public sealed class InMemoryCommentFeed : ICommentFeed
{
    private readonly Lock gate = new();
    private Action<int>[] subscribers = [];

    public Task PublishAsync(int articleId)
    {
        foreach (var subscriber in Volatile.Read(ref subscribers))
        {
            subscriber(articleId);
        }
        return Task.CompletedTask;
    }

    public Task SubscribeAsync(Action<int> onChanged, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            subscribers = [.. subscribers, onChanged];
        }
        cancellationToken.Register(() =>
        {
            lock (gate)
            {
                subscribers = [.. subscribers.Where(s => s != onChanged)];
            }
        });
        return Task.CompletedTask;
    }
}
