using Byline.Tests.Infrastructure;
using Byline.Tests.Moderation;

namespace Byline.Tests.Comments.Live;

/// <summary>
/// Two app nodes on one PostgreSQL database: a comment posted on one reaches a page connected to the other through
/// Redis pub/sub (a real server started by scripts/test). The nodes' polling is turned off, so only Redis can carry it.
/// </summary>
public sealed class TwoNodeLiveTests
{
    private static string Redis => Environment.GetEnvironmentVariable("BYLINE_TEST_REDIS")
        ?? throw new InvalidOperationException("BYLINE_TEST_REDIS is not set. Run the tests with scripts/test, which starts Redis for them.");

    private static BylineFactory Node(BylineFactory? first, bool redis)
    {
        var node = new BylineFactory(Databases.Postgres, sameDatabaseAs: first);
        node.Settings["Byline:Live:PollSeconds"] = "3600";
        if (redis)
        {
            node.Settings["Byline:Redis"] = Redis;
        }
        return node;
    }

    [Fact]
    public async Task ACommentPostedOnOneNodeReachesAPageOpenOnAnotherThroughRedis()
    {
        using var nodeA = Node(null, redis: true);
        using var nodeB = Node(nodeA, redis: true);
        var slug = Unique.Slug();
        await nodeA.AddStoryAsync(slug);
        using var readerOnB = nodeB.CreateClient();
        using var writerOnA = nodeA.CreateClient();
        await using var live = await LiveFeedReader.OpenAsync(readerOnB, slug);
        // B has the story page in its page cache before the comment is posted on A.
        Assert.Equal(await readerOnB.GetStringAsync($"/world/{slug}"), await readerOnB.GetStringAsync($"/world/{slug}"));

        var posted = (await writerOnA.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("redis")))).Id();

        var arrived = await live.NextCommentAsync();
        Assert.Equal(("added", posted), (arrived.GetProperty("kind").GetString(), arrived.GetProperty("commentId").GetInt64()));
        // And the page on B can show it: B renders the fragment from the shared database.
        Assert.Contains($"comment-{posted}", await readerOnB.GetStringAsync($"/comments/{posted}/fragment"), StringComparison.Ordinal);
        // And B's cached story page was let go when the nudge came, so a new visitor on B sees the comment too.
        Assert.Contains($"comment-{posted}", await readerOnB.GetStringAsync($"/world/{slug}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutRedisTheOtherNodeDoesNotHearOfItUntilItPolls()
    {
        // The control for the test above: the same two nodes without Redis do not pass the comment along.
        using var nodeA = Node(null, redis: false);
        using var nodeB = Node(nodeA, redis: false);
        var slug = Unique.Slug();
        await nodeA.AddStoryAsync(slug);
        using var readerOnB = nodeB.CreateClient();
        using var writerOnA = nodeA.CreateClient();
        await using var live = await LiveFeedReader.OpenAsync(readerOnB, slug);

        await writerOnA.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("alone")));

        await live.AssertQuietAsync(TimeSpan.FromSeconds(2));
    }
}
