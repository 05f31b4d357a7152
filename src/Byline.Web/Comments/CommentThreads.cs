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
    /// of the comment it answers. If the limit was lowered after the parent was written, the parent is deeper than the
    /// limit and its allowed ancestor is not known here, so the reply goes under the thread's root: never deeper than
    /// the limit, and its depth is always its real depth in the tree.
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
        if (parent.Depth == maxDepth && parent.ParentId is { } grandparentId)
        {
            return (grandparentId, rootId, maxDepth);
        }
        return (rootId, rootId, 2);
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
