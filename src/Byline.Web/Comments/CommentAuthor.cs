using Byline.Data.Accounts;
using Byline.Web.Accounts;

namespace Byline.Web.Comments;

/// <summary>A signed-in author: the comment is stored under their account and display name, never a typed-in name.</summary>
/// <param name="IsStaff">Writers, editors, moderators and admins: their comments skip holding and carry a badge.</param>
public sealed record CommentAuthor(string UserId, string DisplayName, bool IsStaff = false)
{
    public static CommentAuthor? Of(CurrentUser user) =>
        user.IsSignedIn && user.Id is { } id
            ? new CommentAuthor(id, user.DisplayName, user.IsInAny(Roles.Writer, Roles.Editor, Roles.Moderator))
            : null;
}
