namespace Byline.Web.Comments;

/// <summary>Pure threading rules: where a reply attaches, and how a flat page of comments becomes a tree.</summary>
public static class CommentThreads
{
    /// <summary>A parent as the threading rule sees it.</summary>
    public readonly record struct ParentInfo(long Id, long? ParentId, long? RootId, int Depth);

    /// <summary>Where a reply to <paramref name="parent"/> attaches.</summary>
    /// <returns>The id of the comment the reply hangs under, the thread's root and the reply's depth.</returns>
    /// <remarks>
    /// A reply deeper than <paramref name="maxDepth"/> attaches to the deepest allowed ancestor, i.e. it becomes a sibling
    /// of the comment it answers. Parents never exceed the limit themselves, so one step up is always enough, even
    /// if the limit was lowered after they were written (then the reply goes as deep as the limit allows).
    /// </remarks>
    public static (long ParentId, long RootId, int Depth) Attach(ParentInfo parent, int maxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        var rootId = parent.RootId ?? parent.Id;
        if (maxDepth == 1)
        {
            return (rootId, rootId, 2);
        }
        if (parent.Depth < maxDepth)
        {
            return (parent.Id, rootId, parent.Depth + 1);
        }
        return (parent.ParentId ?? parent.Id, rootId, Math.Min(parent.Depth, maxDepth));
    }

    /// <summary>
    /// Builds trees from a flat list: roots keep the order they come in, replies are ordered by <paramref name="replyOrder"/>.
    /// A reply whose parent is not in the list (hidden, or in another thread) is left out: a tree never shows a reply
    /// detached from what it answers.
    /// </summary>
    public static IReadOnlyList<Node<T>> Build<T>(
        IEnumerable<T> roots,
        IEnumerable<T> replies,
        Func<T, long> idOf,
        Func<T, long?> parentOf,
        Comparison<T>? replyOrder = null)
    {
        var nodes = new Dictionary<long, Node<T>>();
        var result = new List<Node<T>>();
        foreach (var root in roots)
        {
            var node = new Node<T>(root);
            if (nodes.TryAdd(idOf(root), node))
            {
                result.Add(node);
            }
        }

        var pending = replies.ToList();
        if (replyOrder is not null)
        {
            pending.Sort(replyOrder);
        }
        foreach (var reply in pending)
        {
            nodes.TryAdd(idOf(reply), new Node<T>(reply));
        }
        foreach (var reply in pending)
        {
            if (parentOf(reply) is { } id && nodes.TryGetValue(id, out var parentNode) && id != idOf(reply))
            {
                parentNode.Replies.Add(nodes[idOf(reply)]);
            }
        }
        return result;
    }

    public sealed class Node<T>(T item)
    {
        public T Item { get; } = item;
        public List<Node<T>> Replies { get; } = [];
    }
}
