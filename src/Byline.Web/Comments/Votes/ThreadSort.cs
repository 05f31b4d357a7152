namespace Byline.Web.Comments.Votes;

/// <summary>How a discussion's threads are ordered.</summary>
public enum ThreadSort
{
    /// <summary>Newest thread first, with editors' picks above them on the first page: the site's default.</summary>
    Newest,
    Oldest,

    /// <summary>Highest score first, newest first among equal scores.</summary>
    Top,

    /// <summary>Only threads editors featured, most recently featured first.</summary>
    Featured,
}

public static class ThreadSorts
{
    public const ThreadSort Default = ThreadSort.Newest;

    public static IReadOnlyList<ThreadSort> All { get; } = [ThreadSort.Newest, ThreadSort.Oldest, ThreadSort.Top, ThreadSort.Featured];

    /// <summary>The name in URLs (?sort=) and in <c>BylineUser.DiscussionSort</c>.</summary>
    public static string Name(ThreadSort sort) => sort switch
    {
        ThreadSort.Oldest => "oldest",
        ThreadSort.Top => "top",
        ThreadSort.Featured => "featured",
        _ => "newest",
    };

    public static string Label(ThreadSort sort) => sort switch
    {
        ThreadSort.Oldest => "Oldest",
        ThreadSort.Top => "Most voted",
        ThreadSort.Featured => "Featured",
        _ => "Newest",
    };

    public static bool TryParse(string? name, out ThreadSort sort)
    {
        (var ok, sort) = name switch
        {
            "newest" => (true, ThreadSort.Newest),
            "oldest" => (true, ThreadSort.Oldest),
            "top" => (true, ThreadSort.Top),
            "featured" => (true, ThreadSort.Featured),
            _ => (false, Default),
        };
        return ok;
    }

    /// <summary>The query string that selects a sort (none for the default, so its links stay what they were).</summary>
    public static string Query(ThreadSort sort, string? after = null)
    {
        var parts = new List<string>(2);
        if (sort != Default)
        {
            parts.Add("sort=" + Name(sort));
        }
        if (after is not null)
        {
            parts.Add("after=" + Uri.EscapeDataString(after));
        }
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
