using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Moderation;

/// <summary>What a comment said before its author edited it: for moderators (the queue, the API) and its author's export.</summary>
public static class EditHistory
{
    public sealed record EditDto(int Revision, string Body, DateTimeOffset WrittenAt, DateTimeOffset ReplacedAt);

    public sealed record HistoryDto(long CommentId, int Revision, DateTimeOffset? EditedAt, IReadOnlyList<EditDto> Edits);

    public static EditDto ToDto(CommentEdit edit) => new(edit.Revision, edit.BodyMarkdown, edit.WrittenAt, edit.ReplacedAt);

    /// <summary>The earlier texts of each comment, oldest first, in one query.</summary>
    public static async Task<Dictionary<long, IReadOnlyList<CommentEdit>>> LoadAsync(
        BylineDbContext db, IReadOnlyCollection<long> commentIds, CancellationToken cancellationToken)
    {
        if (commentIds.Count == 0)
        {
            return [];
        }
        var edits = await db.CommentEdits.AsNoTracking().Where(e => commentIds.Contains(e.CommentId)).ToListAsync(cancellationToken);
        return edits.GroupBy(e => e.CommentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CommentEdit>)g.OrderBy(e => e.Revision).ToList());
    }

    /// <summary>`GET /api/v1/moderation/comments/{id}/edits`: the comment's revision now and every text it replaced.</summary>
    public static async Task<Results<Ok<HistoryDto>, ProblemHttpResult>> GetAsync(long id, BylineDbContext db, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Revision, c.EditedAt }).FirstOrDefaultAsync(cancellationToken);
        if (comment is null)
        {
            return Problems.Create(404, "comment-not-found", "There is no such comment.");
        }
        var edits = (await LoadAsync(db, [id], cancellationToken)).GetValueOrDefault(id) ?? [];
        return TypedResults.Ok(new HistoryDto(id, comment.Revision, comment.EditedAt, edits.Select(ToDto).ToList()));
    }
}
