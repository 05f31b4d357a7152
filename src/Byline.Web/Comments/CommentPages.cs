namespace Byline.Web.Comments;

/// <summary>Addresses of the pages about one comment, outside its story.</summary>
public static class CommentPages
{
    public static string Report(long id) => $"/comments/{id}/report";

    /// <summary>A signed-in reader's own comments, with their moderation status.</summary>
    public const string Mine = "/account/comments";
}
