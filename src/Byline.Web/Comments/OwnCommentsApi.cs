using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Accounts;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Byline.Web.Moderation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments;

/// <summary>
/// A signed-in reader's own comments through the API: edit one (PATCH), and which of a story's visible comments are
/// theirs, for the story page's script (the shared page cannot know who reads it).
/// </summary>
public static class OwnCommentsApi
{
    /// <summary>More of one reader's comments on one story than anyone writes; the list stops there.</summary>
    public const int MaxPerStory = 500;

    public sealed record EditBody(string? Body);

    /// <param name="EditableUntil">Null when the site allows no edits.</param>
    public sealed record OwnCommentDto(long Id, string Body, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, int Revision, DateTimeOffset? EditableUntil, bool Editable);

    public sealed record OwnCommentsDto(IReadOnlyList<OwnCommentDto> Items, int EditWindowMinutes);

    public static IEndpointRouteBuilder MapOwnComments(this IEndpointRouteBuilder app)
    {
        app.MapPatch("/api/v1/comments/{id:long}", EditAsync).WithTags("Comments").WithName("EditComment")
            .AddEndpointFilter(SignedInCalls.Filter)
            .WithSummary("The signed-in author edits their comment within the site's edit window (403 edit-window-closed with 'until'). "
                + "The new text passes the posting rules and the moderation checks again: a text they hold takes the comment to "
                + "'pending'. The old text is kept for moderators. An unchanged text changes nothing.")
            .WithMetadata(new RequestSizeLimitAttribute(CommentsFeature.MaxRequestBytes))
            .Accepts<EditBody>("application/json");
        app.MapGet("/api/v1/me/comments", MineAsync).WithTags("Accounts").WithName("MyCommentsOnStory")
            .WithSummary("The caller's visible comments on one story (?article=slug), with until when each can be edited.");
        return app;
    }

    public static async Task<Results<Ok<CommentDto>, ProblemHttpResult>> EditAsync(
        long id, HttpRequest request, CommentEditing editing, CurrentUser user, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<EditBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (edited, error) = await editing.EditAsync(id, CommentAuthor.Of(user)!, body!.Body, SubmitSignals.Of(request.HttpContext), cancellationToken);
        if (error is not null)
        {
            Problems.AddHeaders(request.HttpContext.Response, error);
            return Problems.From(error);
        }
        return TypedResults.Ok(CommentDto.ForAuthor(edited!.Comment, edited.StoryPath));
    }

    public static async Task<Results<Ok<OwnCommentsDto>, ProblemHttpResult>> MineAsync(
        string? article, BylineDbContext db, CurrentUser user, SiteSettingsStore settings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId)
        {
            return Problems.Create(401, "sign-in-required", "Sign in to see your comments.");
        }
        if (string.IsNullOrWhiteSpace(article))
        {
            return Problems.Create(400, "article-required", "Name the story: ?article=slug.", "article");
        }
        var window = (await settings.GetAsync(cancellationToken)).Settings.EditWindowMinutes;
        var now = time.GetUtcNow();
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.AuthorUserId == userId && c.Status == CommentStatus.Approved
                && db.Articles.Published().Any(a => a.Id == c.ArticleId && a.Slug == article))
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(MaxPerStory)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new OwnCommentsDto(
            comments.ConvertAll(c => new OwnCommentDto(c.Id, c.BodyMarkdown, c.CreatedAt, c.EditedAt, c.Revision,
                CommentEditing.EditableUntil(c, window), CommentEditing.CanBeEdited(c, window, now))),
            window));
    }
}
