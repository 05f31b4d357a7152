using Byline.Data.Comments;

namespace Byline.Web.Comments;

/// <summary>A status as the API and the pages name it: "approved", "pending", "rejected", "spam", "deleted".</summary>
public static class CommentStatusNames
{
    public static string Of(CommentStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out CommentStatus status) =>
        Enum.TryParse(name, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(name, out _);
}
