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
    /// <summary>Readers' votes: up, down, and up minus down.</summary>
    public int UpVotes { get; init; }
    public int DownVotes { get; init; }
    public int Score { get; init; }

    /// <summary>An editor featured this thread (an editor's pick).</summary>
    public bool Featured { get; init; }

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
        comment.Status switch
        {
            CommentStatus.Approved => "approved",
            CommentStatus.Deleted => "deleted",
            // A placeholder in a thread: what happened to it is for its author and the moderators.
            _ => "removed",
        },
        $"{storyPath}#comment-{comment.Id}",
        comment.Anchor is null ? null : InlineFeedback.AnchorDto.From(comment.Anchor),
        replies ?? [])
    {
        UpVotes = comment.UpVotes,
        DownVotes = comment.DownVotes,
        Score = comment.Score,
        Featured = comment.FeaturedAt is not null && comment.Status == CommentStatus.Approved,
    };

    /// <summary>
    /// A comment as its author sees it: held for any reason it reads "pending". A rejection by a moderator reads
    /// "rejected"; what the checks found stays with the moderators, so a spammer cannot learn which rule caught them.
    /// </summary>
    public static CommentDto ForAuthor(Comment comment, string storyPath) => From(comment, storyPath) with
    {
        Status = Moderation.AuthorView.StatusOf(comment),
    };

    public static CommentDto From(CommentThreads.Node<Comment> node, string storyPath) =>
        From(node.Item, storyPath, node.Replies.ConvertAll(r => From(r, storyPath)));
}

/// <summary>
/// A page of threads; <see cref="Total"/> counts every visible comment (inline feedback included), <see cref="Next"/> is
/// the cursor for ?after=, null on the last page.
/// </summary>
/// <remarks>
/// <see cref="Sort"/> is the order the page is in (newest, oldest, top, featured).
/// </remarks>
public sealed record ThreadPageDto(IReadOnlyList<CommentDto> Items, int Total, string? Next)
{
    public string Sort { get; init; } = "newest";
}
