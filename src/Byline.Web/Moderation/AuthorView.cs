using System.Linq.Expressions;
using Byline.Data.Comments;

namespace Byline.Web.Moderation;

/// <summary>
/// What an author is told about their own comment: "approved", "rejected" after a moderator's rejection (with its
/// reason), and "pending" for everything else not published, whatever the checks found. Every place an author looks
/// (the API, the story page, their comments page) says the same, so none of them tells a spammer which rule caught it.
/// </summary>
public static class AuthorView
{
    public static string StatusOf(Comment comment) => comment.Status switch
    {
        CommentStatus.Approved => "approved",
        CommentStatus.Deleted => "deleted",
        CommentStatus.Rejected when comment.StatusNote is not null => "rejected",
        _ => "pending",
    };

    /// <summary>The author's comments that read "pending" (for a query; the same rule as <see cref="StatusOf"/>).</summary>
    public static readonly Expression<Func<Comment, bool>> AwaitingModeration = c =>
        c.Status == CommentStatus.Pending || c.Status == CommentStatus.Spam || (c.Status == CommentStatus.Rejected && c.StatusNote == null);
}
