using Byline.Web.Comments;
using static Byline.Web.Comments.CommentThreads;

namespace Byline.Tests.Comments;

public sealed class CommentThreadsTests
{
    // A thread 10 ← 11 ← 12 ← 13, at depths 1 to 4.
    private static readonly ParentInfo Root = new(10, null, null, 1);
    private static readonly ParentInfo Second = new(11, 10, 10, 2);
    private static readonly ParentInfo Third = new(12, 11, 10, 3);
    private static readonly ParentInfo Fourth = new(13, 12, 10, 4);

    public static TheoryData<ParentInfo, int, long, long, int> Attachments => new()
    {
        // parent, max depth → parent id, root id, depth of the reply
        { Root, 4, 10, 10, 2 },
        { Second, 4, 11, 10, 3 },
        { Third, 4, 12, 10, 4 },
        // At the limit the reply becomes a sibling of the comment it answers: attached to the deepest allowed ancestor.
        { Fourth, 4, 12, 10, 4 },
        { Root, 2, 10, 10, 2 },
        { Second, 2, 10, 10, 2 },
        { Second, 3, 11, 10, 3 },
        { Third, 3, 11, 10, 3 },
        { Third, 10, 12, 10, 4 },
        { Fourth, 10, 13, 10, 5 },
        // A limit of 1 keeps every reply directly under its thread's root.
        { Root, 1, 10, 10, 2 },
        { Third, 1, 10, 10, 2 },
    };

    [Theory]
    [MemberData(nameof(Attachments))]
    public void ReplyAttachesWithinTheDepthLimit(ParentInfo parent, int maxDepth, long parentId, long rootId, int depth)
    {
        Assert.Equal((parentId, rootId, depth), Attach(parent, maxDepth));
    }

    [Fact]
    public void DefaultSiteDepthLimitIsFour()
    {
        Assert.Equal(4, new Byline.Data.Site.SiteSettings().MaxThreadDepth);
    }

    [Fact]
    public void RepliesToRepliesAtTheLimitNeverGoDeeper()
    {
        // Replying again and again to the newest reply walks down to the limit and then stays there.
        var parent = Root;
        var depths = new List<int>();
        for (var id = 100; id < 106; id++)
        {
            var (parentId, rootId, depth) = Attach(parent, 4);
            Assert.Equal(10, rootId);
            depths.Add(depth);
            parent = new ParentInfo(id, parentId, rootId, depth);
        }
        Assert.Equal([2, 3, 4, 4, 4, 4], depths);
    }

    [Theory]
    [InlineData(4, 3)]
    [InlineData(4, 2)]
    [InlineData(3, 2)]
    public void AfterTheLimitIsLoweredRepliesStillRespectIt(int writtenAtDepth, int newLimit)
    {
        // The existing chain was written under a higher limit: 10 (1) ← 11 (2) ← 12 (3) ← 13 (4).
        var chain = new[] { Root, Second, Third, Fourth };
        var parent = chain[writtenAtDepth - 1];

        var (parentId, _, depth) = Attach(parent, newLimit);

        // The reply's depth is the real depth of where it hangs, and within the new limit.
        var hangsUnder = chain.Single(c => c.Id == parentId);
        Assert.Equal(hangsUnder.Depth + 1, depth);
        Assert.True(depth <= newLimit, $"depth {depth} is deeper than the limit {newLimit}");
    }

    [Fact]
    public void LimitBelowOneIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Attach(Root, 0));
    }

    private sealed record Item(long Id, long? ParentId, int Order);

    private static string Shape(IEnumerable<Node<Item>> nodes) =>
        string.Join(" ", nodes.Select(n => n.Replies.Count == 0 ? $"{n.Item.Id}" : $"{n.Item.Id}({Shape(n.Replies)})"));

    [Fact]
    public void FlatListBecomesTreeWithRootsInGivenOrderAndRepliesInConversationOrder()
    {
        Item[] roots = [new(3, null, 0), new(1, null, 0), new(2, null, 0)];
        Item[] replies =
        [
            new(13, 1, 5), new(11, 1, 1), new(12, 11, 2), new(21, 2, 3), new(14, 12, 4), new(31, 3, 6),
        ];

        var tree = Build(roots, replies, i => i.Id, i => i.ParentId, (a, b) => a.Order.CompareTo(b.Order));

        Assert.Equal("3(31) 1(11(12(14)) 13) 2(21)", Shape(tree));
    }

    [Fact]
    public void WithoutAnOrderRepliesKeepTheOrderTheyCameIn()
    {
        var tree = Build([new Item(1, null, 0)], [new Item(3, 1, 0), new Item(2, 1, 0)], i => i.Id, i => i.ParentId);

        Assert.Equal("1(3 2)", Shape(tree));
    }

    [Fact]
    public void RepliesWhoseParentIsMissingAreLeftOutWithTheirOwnReplies()
    {
        Item[] roots = [new(1, null, 0)];
        Item[] replies =
        [
            new(2, 1, 0),
            new(5, 99, 1),   // answers a comment that is not in the list (hidden, or in another thread)
            new(6, 5, 2),    // answers that orphan
            new(7, null, 3), // a "reply" with no parent at all
            new(8, 8, 4),    // answers itself
        ];

        var tree = Build(roots, replies, i => i.Id, i => i.ParentId, (a, b) => a.Order.CompareTo(b.Order));

        Assert.Equal("1(2)", Shape(tree));
    }

    [Fact]
    public void DuplicateRootsAppearOnce()
    {
        var tree = Build([new Item(1, null, 0), new Item(1, null, 0), new Item(2, null, 0)], [], i => i.Id, i => i.ParentId);

        Assert.Equal("1 2", Shape(tree));
    }

    [Fact]
    public void EmptyListBuildsNoThreads()
    {
        Assert.Empty(Build<Item>([], [], i => i.Id, i => i.ParentId));
    }
}
