namespace Byline.Web.InlineFeedback;

/// <summary>Links to one comment wherever it is in a discussion (the first page of threads or a later one).</summary>
public static class CommentLinks
{
    public const string Route = "/comments/{id:long}";

    public static string InDiscussion(long commentId) => $"/comments/{commentId}";
}
