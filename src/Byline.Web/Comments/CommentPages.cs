namespace Byline.Web.Comments;

/// <summary>Addresses of the pages about one comment, outside its story.</summary>
public static class CommentPages
{
    public static string Report(long id) => $"/comments/{id}/report";

    /// <summary>Voting (and, for editors, featuring) without JavaScript.</summary>
    public static string Vote(long id) => $"/comments/{id}/vote";

    /// <summary>The author's edit form (no JavaScript needed), while the site's edit window is open.</summary>
    public static string Edit(long id) => $"/comments/{id}/edit";

    /// <summary>A signed-in reader's own comments, with their moderation status.</summary>
    public const string Mine = "/account/comments";
}
