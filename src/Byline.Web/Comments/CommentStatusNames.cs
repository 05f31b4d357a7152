using Byline.Data.Comments;

namespace Byline.Web.Comments;

/// <summary>A status as the API and the pages name it: "approved", "pending", "rejected", "spam", "deleted".</summary>
public static class CommentStatusNames
{
    public static string Of(CommentStatus status) => status.ToString().ToLowerInvariant();
}
