using Byline.Web.Accounts;

namespace Byline.Web.Comments;

/// <summary>A signed-in author: the comment is stored under their account and display name, never a typed-in name.</summary>
public sealed record CommentAuthor(string UserId, string DisplayName)
{
    public static CommentAuthor? Of(CurrentUser user) =>
        user.IsSignedIn && user.Id is { } id ? new CommentAuthor(id, user.DisplayName) : null;
}
