using System.Globalization;
using Byline.Data;
using Byline.Data.Accounts;
using Byline.Data.Comments;
using Byline.Web.Accounts;
using Byline.Web.Articles;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments.Votes;

/// <summary>Votes, the caller's own votes, and editors' features, as JSON for programs and the page's script.</summary>
public static class VotesApi
{
    public static IEndpointRouteBuilder MapVotesApi(this IEndpointRouteBuilder app)
    {
        var comment = app.MapGroup("/api/v1/comments/{id:long}").WithTags("Votes").AddEndpointFilter(SignedInCalls.Filter);
        comment.MapPut("/vote", VoteAsync).WithName("VoteOnComment")
            .WithSummary("Votes a visible comment up (value 1) or down (value -1, where the site allows it); voting again changes the vote. "
                + "Answers the comment's counts and the caller's vote. 403 own-comment, 400 down-votes-disabled, 429 rate-limited with Retry-After.")
            .Accepts<VoteBody>("application/json");
        comment.MapDelete("/vote", WithdrawAsync).WithName("WithdrawVote")
            .WithSummary("Withdraws the caller's vote on a comment; answers the comment's counts.");
        comment.MapPost("/feature", (long id, Featuring featuring, CurrentUser user, CancellationToken ct) => FeatureAsync(id, true, featuring, user, ct))
            .WithName("FeatureComment")
            .WithSummary("Editors: features (pins) a thread, which then heads the discussion as an editor's pick.");
        comment.MapDelete("/feature", (long id, Featuring featuring, CurrentUser user, CancellationToken ct) => FeatureAsync(id, false, featuring, user, ct))
            .WithName("UnfeatureComment")
            .WithSummary("Editors: takes a thread out of the editors' picks.");
        app.MapGet("/api/v1/me/votes", MyVotesAsync).WithTags("Votes").WithName("MyVotes")
            .WithSummary("The caller's votes on the comments of one story (?article={slug}).");
        return app;
    }


    public static async Task<Results<Ok<VoteDto>, ProblemHttpResult>> VoteAsync(
        long id, HttpRequest request, CommentVoting voting, VoteRateLimits limits, CurrentUser user, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<VoteBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (body!.Value is not (1 or -1))
        {
            return Problems.Create(400, "invalid-vote", "'value' must be 1 (up) or -1 (down).", "value");
        }
        return await CastAsync(id, body.Value.Value, request.HttpContext, voting, limits, user, cancellationToken);
    }

    public static Task<Results<Ok<VoteDto>, ProblemHttpResult>> WithdrawAsync(
        long id, HttpContext context, CommentVoting voting, VoteRateLimits limits, CurrentUser user, CancellationToken cancellationToken) =>
        CastAsync(id, 0, context, voting, limits, user, cancellationToken);

    private static async Task<Results<Ok<VoteDto>, ProblemHttpResult>> CastAsync(
        long id, int value, HttpContext context, CommentVoting voting, VoteRateLimits limits, CurrentUser user, CancellationToken cancellationToken)
    {
        if (limits.TryVote(user.Id!) is { } wait)
        {
            var seconds = RetrySeconds(wait);
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            var limited = Problems.Create(429, "rate-limited", Message(null, seconds));
            limited.ProblemDetails.Extensions["retryAfter"] = seconds;
            return limited;
        }
        var result = await voting.VoteAsync(id, user.Id!, value, cancellationToken);
        return result.Outcome switch
        {
            CommentVoting.Outcome.Done => TypedResults.Ok(result.Vote!),
            CommentVoting.Outcome.OwnComment => Problems.Create(403, "own-comment", Message(result.Outcome)),
            CommentVoting.Outcome.DownVotesDisabled => Problems.Create(400, "down-votes-disabled", Message(result.Outcome), "value"),
            CommentVoting.Outcome.Banned => Problems.Create(403, "user-banned", Message(result.Outcome)),
            _ => Problems.Create(404, "comment-not-found", Message(result.Outcome)),
        };
    }

    public static int RetrySeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>What a refused vote tells a person, for the API and the form alike; null outcome: rate-limited.</summary>
    public static string Message(CommentVoting.Outcome? outcome, int retrySeconds = 0) => outcome switch
    {
        null => $"You are voting faster than this site allows. Try again in {retrySeconds} second{(retrySeconds == 1 ? "" : "s")}.",
        CommentVoting.Outcome.OwnComment => "You cannot vote on your own comment.",
        CommentVoting.Outcome.DownVotesDisabled => "This site does not take down votes.",
        CommentVoting.Outcome.Banned => "Your account may not take part in the discussion at the moment.",
        _ => "There is no such comment.",
    };

    public static async Task<Results<Ok<FeatureDto>, ProblemHttpResult>> FeatureAsync(
        long id, bool featured, Featuring featuring, CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsIn(Roles.Editor))
        {
            return Problems.Create(403, "editors-only", "Only editors feature comments.");
        }
        var result = await featuring.SetAsync(id, user.Id!, featured, cancellationToken);
        return result.Outcome switch
        {
            Featuring.Outcome.Done => TypedResults.Ok(result.State!),
            Featuring.Outcome.NotAThread => Problems.Create(409, "not-a-thread", "Only a top-level comment (a whole thread) can be featured."),
            _ => Problems.Create(404, "comment-not-found", "There is no such comment."),
        };
    }

    public static async Task<Results<Ok<MyVotesDto>, ProblemHttpResult>> MyVotesAsync(
        string? article, BylineDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId)
        {
            return Problems.Create(401, "sign-in-required", "Sign in to see your votes.");
        }
        if (string.IsNullOrEmpty(article))
        {
            return Problems.Create(400, "article-required", "Name the story: ?article={slug}.", "article");
        }
        var votes = await db.CommentVotes.AsNoTracking()
            .Where(v => v.UserId == userId && v.Value != 0)
            .Join(db.Comments.Where(c => c.Status == CommentStatus.Approved), v => v.CommentId, c => c.Id, (v, c) => new { v, c.ArticleId })
            .Join(db.Articles.Published().Where(a => a.Slug == article), x => x.ArticleId, a => a.Id, (x, _) => new MyVoteDto(x.v.CommentId, x.v.Value))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new MyVotesDto(votes));
    }
}
