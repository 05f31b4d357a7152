using Byline.Data.Comments;

namespace Byline.Web.Comments;

/// <summary>A visible comment as the API shows it. A guest's email is never part of it.</summary>
public sealed record CommentDto(
    long Id,
    long? ParentId,
    int Depth,
    string AuthorName,
    string Body,
    string Html,
    string? Language,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    string Status,
    string Permalink,
    InlineFeedback.AnchorDto? Anchor,
    IReadOnlyList<CommentDto> Replies)
{
    public static string StatusName(CommentStatus status) => status switch
    {
        CommentStatus.Approved => "approved",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static CommentDto From(Comment comment, string storyPath, IReadOnlyList<CommentDto>? replies = null) => new(
        comment.Id,
        comment.ParentId,
        comment.Depth,
        comment.AuthorName,
        comment.BodyMarkdown,
        comment.BodyHtml,
        comment.Language,
        comment.CreatedAt,
        comment.EditedAt,
        StatusName(comment.Status),
        $"{storyPath}#comment-{comment.Id}",
        comment.Anchor is null ? null : InlineFeedback.AnchorDto.From(comment.Anchor),
        replies ?? []);

    public static CommentDto From(CommentThreads.Node<Comment> node, string storyPath) =>
        From(node.Item, storyPath, node.Replies.ConvertAll(r => From(r, storyPath)));
}

/// <summary>
/// A page of threads; <see cref="Total"/> counts every visible comment (inline feedback included), <see cref="Next"/> is
/// the cursor for ?after=, null on the last page.
/// </summary>
public sealed record ThreadPageDto(IReadOnlyList<CommentDto> Items, int Total, string? Next);
