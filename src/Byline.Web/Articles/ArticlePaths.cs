namespace Byline.Web.Articles;

/// <summary>The site's URLs for stories and their parts, in one place.</summary>
public static class ArticlePaths
{
    public static string Story(string section, string slug) => $"/{Uri.EscapeDataString(section)}/{Uri.EscapeDataString(slug)}";

    public static string Discussion(string section, string slug) => Story(section, slug) + "/comments";

    public static string Reply(string section, string slug, long commentId) => $"{Story(section, slug)}/reply/{commentId}";

    public static string Writer(string slug) => $"/writers/{Uri.EscapeDataString(slug)}";

    public static string Section(string slug) => $"/{Uri.EscapeDataString(slug)}";

    public static string CommentAnchor(long id) => $"comment-{id}";
}
