using System.Collections.Concurrent;
using System.Threading.Channels;
using Byline.Data;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments.Live;

/// <summary>
/// This node's open story pages and what they are sent. A nudge from the feed (or the poll) makes the node read the
/// story's new events once, whatever the number of readers, and hand them to every reader's queue; each reader's
/// connection writes its own queue. A reader costs a small queue and an idle request, no thread.
/// </summary>
public sealed class LiveDiscussions(
    IServiceScopeFactory scopes, ICommentFeed feed, DiscussionEventSignals signals, Hosting.PageCache cache, IConfiguration configuration,
    TimeProvider time, ILogger<LiveDiscussions> logger)
    : BackgroundService
{
    /// <summary>
    /// How often the node looks for events of its open stories without a nudge (one lost while Redis was down, or a
    /// write on another node without Redis): <c>Byline:Live:PollSeconds</c>, 5 by default.
    /// </summary>
    private TimeSpan PollInterval => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Byline:Live:PollSeconds", 5)));

    /// <summary>Events a reader may fall behind by before its connection is closed (it reconnects and catches up from the database).</summary>
    public const int QueueLength = 512;

    private const int FetchSize = 200;

    /// <summary>
    /// How long events are kept for pages that reconnect. A page away longer than this (a laptop asleep for a week)
    /// may miss edits and removals older than that; its new comments come with the next change or a reload.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private DateTimeOffset nextPrune = DateTimeOffset.MinValue;

    private readonly ConcurrentDictionary<int, Story> stories = new();
    private int connections;

    /// <summary>Readers one node holds at most (<c>Byline:Live:MaxConnections</c>); beyond that pages stay static.</summary>
    public int MaxConnections => configuration.GetValue("Byline:Live:MaxConnections", 20_000);

    /// <summary>Readers connected to this node now.</summary>
    public int Connections => Volatile.Read(ref connections);

    /// <summary>
    /// Starts a reader's queue on a story. <paramref name="seen"/> is the latest event the reader's page already shows or
    /// replays itself; the node delivers what comes after what it had delivered before.
    /// </summary>
    public Reader Join(int articleId, long seen)
    {
        var reader = new Reader(articleId, Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(QueueLength)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        }));
        var created = false;
        while (true)
        {
            var story = stories.GetOrAdd(articleId, id =>
            {
                created = true;
                return new Story(id, seen);
            });
            lock (story)
            {
                // The last reader of this story left between the lookup and the lock: start over with a new one.
                if (story.Closed)
                {
                    created = false;
                    continue;
                }
                story.Readers.Add(reader);
            }
            Interlocked.Increment(ref connections);
            if (created)
            {
                // Events committed between the reader's look at the database and this moment had no one to nudge.
                Schedule(story);
            }
            return reader;
        }
    }

    public void Leave(Reader reader)
    {
        if (stories.TryGetValue(reader.ArticleId, out var story))
        {
            lock (story)
            {
                story.Readers.Remove(reader);
                if (story.Readers.Count == 0)
                {
                    story.Closed = true;
                    stories.TryRemove(KeyValuePair.Create(reader.ArticleId, story));
                }
            }
        }
        Interlocked.Decrement(ref connections);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        signals.Committed += Publish;
        try
        {
            await feed.SubscribeAsync(Nudge, stoppingToken);
            using var timer = new PeriodicTimer(PollInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var story in stories.Values)
                {
                    Schedule(story);
                }
                if (time.GetUtcNow() >= nextPrune)
                {
                    nextPrune = time.GetUtcNow().AddHours(1);
                    await PruneAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            signals.Committed -= Publish;
        }
    }

    /// <summary>Deletes events older than <see cref="Retention"/>; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
            var before = time.GetUtcNow() - Retention;
            using var _ = await scope.ServiceProvider.GetRequiredService<Data.WriteGate>().EnterAsync(db, cancellationToken);
            return await db.DiscussionEvents.Where(e => e.At < before).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not delete old discussion events; the next hour tries again");
            return 0;
        }
    }

    private void Publish(IReadOnlyCollection<int> articleIds)
    {
        foreach (var articleId in articleIds)
        {
            _ = PublishAsync(articleId);
        }
    }

    private async Task PublishAsync(int articleId)
    {
        try
        {
            await feed.PublishAsync(articleId);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not announce a discussion change of story {ArticleId}", articleId);
        }
    }

    private void Nudge(int articleId)
    {
        // The nudge may come from another node, whose write this node's cached pages of the story do not show yet.
        cache.EvictStory(articleId);
        if (stories.TryGetValue(articleId, out var story))
        {
            Schedule(story);
        }
    }

    /// <summary>Reads the story's new events soon; nudges that arrive meanwhile fold into one more read.</summary>
    private void Schedule(Story story)
    {
        Interlocked.Exchange(ref story.Dirty, 1);
        if (Interlocked.CompareExchange(ref story.Running, 1, 0) != 0)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                while (Interlocked.Exchange(ref story.Dirty, 0) == 1)
                {
                    await DeliverAsync(story);
                }
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not read the discussion events of story {ArticleId}; the next poll tries again", story.ArticleId);
            }
            finally
            {
                Volatile.Write(ref story.Running, 0);
            }
            if (Volatile.Read(ref story.Dirty) == 1)
            {
                Schedule(story);
            }
        });
    }

    private async Task DeliverAsync(Story story)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
        while (true)
        {
            var events = await LiveEvent.LoadAsync(db, story.ArticleId, story.Delivered, FetchSize, CancellationToken.None);
            if (events.Count == 0)
            {
                return;
            }
            Reader[] readers;
            lock (story)
            {
                readers = [.. story.Readers];
            }
            foreach (var item in events)
            {
                foreach (var reader in readers)
                {
                    reader.Offer(item);
                }
            }
            story.Delivered = events[^1].Id;
            if (events.Count < FetchSize)
            {
                return;
            }
        }
    }

    private sealed class Story(int articleId, long delivered)
    {
        public int ArticleId { get; } = articleId;
        public List<Reader> Readers { get; } = [];
        public long Delivered { get; set; } = delivered;
        public bool Closed { get; set; }
        public int Running;
        public int Dirty;
    }

    /// <summary>One connected page: the events waiting to be written to it.</summary>
    public sealed class Reader(int articleId, Channel<LiveEvent> queue)
    {
        public int ArticleId { get; } = articleId;
        public ChannelReader<LiveEvent> Events => queue.Reader;

        /// <summary>Whether the reader fell too far behind and must reconnect to catch up from the database.</summary>
        public bool Overflowed { get; private set; }

        internal void Offer(LiveEvent item)
        {
            if (!queue.Writer.TryWrite(item))
            {
                Overflowed = true;
                queue.Writer.TryComplete();
            }
        }
    }
}
