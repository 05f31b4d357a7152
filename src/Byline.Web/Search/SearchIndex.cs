using Byline.Data;
using Byline.Web.Hosting.Outbox;

namespace Byline.Web.Search;

/// <summary>
/// Asks for a story or a comment to be indexed again, in the caller's unit of work: the request is committed with the
/// change, and the outbox worker does it moments later (<see cref="StoryIndexing"/>, <see cref="CommentIndexing"/>).
/// Until then queries still check each result's visibility on the source rows, so nothing hidden is ever shown.
/// </summary>
public static class SearchIndex
{
    public const string StoryKind = "search.story";
    public const string CommentKind = "search.comment";

    public sealed record StoryMessage(int ArticleId);

    public sealed record CommentMessage(long CommentId);

    /// <summary>The story's text, publication, section or bylines changed (its comments are checked too).</summary>
    public static void StoryChanged(BylineDbContext db, int articleId, DateTimeOffset now) =>
        EnqueueOnce(db, StoryKind, new StoryMessage(articleId), now);

    /// <summary>The comment was shown, hidden or edited.</summary>
    public static void CommentChanged(BylineDbContext db, long commentId, DateTimeOffset now) =>
        EnqueueOnce(db, CommentKind, new CommentMessage(commentId), now);

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static void EnqueueOnce<T>(BylineDbContext db, string kind, T message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Several changes to one story in a unit of work need one pass of the indexer.
        var payload = System.Text.Json.JsonSerializer.Serialize(message, Json);
        if (db.OutboxMessages.Local.Any(m => m.Kind == kind && m.Payload == payload))
        {
            return;
        }
        Outbox.Enqueue(db, kind, message, now);
    }
}
