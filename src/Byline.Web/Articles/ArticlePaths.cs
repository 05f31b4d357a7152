namespace Byline.Web.Articles;

/// <summary>The site's URLs for stories and their parts, in one place.</summary>
public static class ArticlePaths
{
    public static string Story(string section, string slug) => $"/{Uri.EscapeDataString(section)}/{Uri.EscapeDataString(slug)}";

    public static string Discussion(string section, string slug) => Story(section, slug) + "/comments";

    public static string Reply(string section, string slug, long commentId) => $"{Story(section, slug)}/reply/{commentId}";

    public static string Writer(string slug) => $"/writers/{Uri.EscapeDataString(slug)}";

    public static string Section(string slug) => $"/{Uri.EscapeDataString(slug)}";

    public static string Tag(string tag) => $"/tags/{Uri.EscapeDataString(tag)}";

    /// <summary>
    /// A tag as a route gives it back: routing decodes every escape in a path segment but "%2F", so that a "/" in a
    /// tag stays inside its segment.
    /// </summary>
    public static string TagFromRoute(string value) => value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    public static string CommentAnchor(long id) => $"comment-{id}";
}
