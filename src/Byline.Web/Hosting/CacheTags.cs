namespace Byline.Web;

/// <summary>Page-cache tags: what to evict when something changes.</summary>
public static class CacheTags
{
    /// <summary>Every cached page that shows this story or its discussion.</summary>
    public static string Article(int articleId) => $"article:{articleId}";

    /// <summary>Front, section and writer pages: lists of stories.</summary>
    public const string Fronts = "fronts";
}
