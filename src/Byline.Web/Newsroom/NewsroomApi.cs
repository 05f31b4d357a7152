using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Accounts;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Byline.Web.Newsroom;

/// <summary>
/// The newsroom for programs: the same <see cref="StoryEditor"/> and <see cref="StoryMoves"/> as the pages, with
/// problem+json refusals that carry a stable code. Only API tokens authenticate here: with no cookie accepted, no
/// other site can make a signed-in browser call it.
/// </summary>
public static class NewsroomApi
{
    /// <summary>Room for a story of <see cref="StoryRules.MaxBody"/> characters in any script, JSON-escaped.</summary>
    public const long MaxRequestBytes = 2 * 1024 * 1024;

    public sealed record MoveBody(string? From, string? PublishAt, string? Reason);

    public static IEndpointRouteBuilder MapNewsroomApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(NewsroomPaths.Api).WithTags("Newsroom")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireAuthenticatedUser())
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes));
        api.MapPost("/", CreateAsync).WithName("CreateStory")
            .WithSummary("Creates a draft (writers and editors). Bylines default to the caller's writer page.")
            .Accepts<StoryInput>("application/json");
        api.MapGet("/{id:int}", GetAsync).WithName("GetStory")
            .WithSummary("A story in any state, to those who may see it in the newsroom.");
        api.MapPut("/{id:int}", UpdateAsync).WithName("UpdateStory")
            .WithSummary("Replaces a story's content and writes a revision; 'revision' must be the latest (409 revision-conflict otherwise).")
            .Accepts<StoryInput>("application/json");
        api.MapPost("/{id:int}/moves/{move}", MoveAsync).WithName("MoveStory")
            .WithSummary("A workflow move: submit, withdraw, schedule (publishAt), unschedule, publish, unpublish (reason), reopen. 'from' guards against stale moves.")
            .Accepts<MoveBody>("application/json");
        return app;
    }

    public static async Task<Results<Created<StoryDto>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, StoryEditor editor, BylineDbContext db, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<StoryInput>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var outcome = await editor.CreateAsync(input!, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Problem(outcome, null, null);
        }
        var story = await StoryDto.LoadAsync(db, outcome.Story!.Id, cancellationToken);
        return TypedResults.Created(NewsroomPaths.ApiStory(story.Id), story);
    }

    public static async Task<Results<Ok<StoryDto>, ProblemHttpResult>> GetAsync(
        int id, StoryEditor editor, CancellationToken cancellationToken)
    {
        // Anyone who may not see the story (a reader sees none) hears that there is no such story.
        var found = await editor.FindAsync(id, cancellationToken);
        return found is { } f
            ? TypedResults.Ok(StoryDto.From(f.Story, f.Story.Section))
            : Problem(StoryOutcome.NotFound, id, null);
    }

    public static async Task<Results<Ok<StoryDto>, ProblemHttpResult>> UpdateAsync(
        int id, HttpRequest request, StoryEditor editor, BylineDbContext db, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<StoryInput>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var outcome = await editor.UpdateAsync(id, input!, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Ok(await StoryDto.LoadAsync(db, id, cancellationToken))
            : Problem(outcome, id, input!.Revision);
    }

    public static async Task<Results<Ok<StoryDto>, ProblemHttpResult>> MoveAsync(
        int id, string move, HttpRequest request, StoryMoves moves, BylineDbContext db, CancellationToken cancellationToken)
    {
        var body = new MoveBody(null, null, null);
        // Moves without parameters may be sent with no body at all.
        if (request.ContentLength != 0 && (request.ContentLength is not null || request.HasJsonContentType()))
        {
            var (read, problem) = await JsonBody.ReadAsync<MoveBody>(request, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            body = read!;
        }
        ArticleState? from = null;
        if (!string.IsNullOrWhiteSpace(body.From))
        {
            if (!Enum.TryParse<ArticleState>(body.From.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var state)
                || !Enum.IsDefined(state) || char.IsAsciiDigit(body.From[0]))
            {
                return Problem(StoryOutcome.Invalid("from", "'from' must be one of Draft, InReview, Scheduled, Published, Unpublished."), id, null);
            }
            from = state;
        }
        var outcome = await moves.MoveAsync(id, new StoryMoves.Request(move, from, body.PublishAt, body.Reason), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Ok(await StoryDto.LoadAsync(db, id, cancellationToken))
            : Problem(outcome, id, null);
    }

    /// <summary>A refusal as problem+json: the status and code scripts switch on, and what to do next.</summary>
    public static ProblemHttpResult Problem(StoryOutcome outcome, int? id, int? basedOn)
    {
        switch (outcome.Refusal)
        {
            case StoryRefusal.Invalid:
                var details = new HttpValidationProblemDetails(outcome.Errors!.ToDictionary(e => e.Key, e => new[] { e.Value }))
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = Problems.Title(400),
                    Detail = outcome.Message,
                };
                details.Extensions["code"] = "validation-failed";
                return TypedResults.Problem(details);
            case StoryRefusal.RevisionConflict:
                var conflict = Problems.Create(409, "revision-conflict", outcome.Message!);
                conflict.ProblemDetails.Extensions["latestRevision"] = outcome.LatestRevision;
                if (id is { } storyId && basedOn is { } from && outcome.LatestRevision is { } to)
                {
                    conflict.ProblemDetails.Extensions["diff"] = NewsroomPaths.Diff(storyId, from, to);
                }
                return conflict;
            case StoryRefusal.StaleState:
                var stale = Problems.Create(409, "stale-state", outcome.Message!);
                stale.ProblemDetails.Extensions["state"] = outcome.CurrentState?.ToString();
                return stale;
            case StoryRefusal.InvalidMove:
                var invalid = Problems.Create(409, "invalid-move", outcome.Message!);
                invalid.ProblemDetails.Extensions["state"] = outcome.CurrentState?.ToString();
                return invalid;
            case StoryRefusal.Forbidden:
                return Problems.Create(403, "forbidden", outcome.Message!);
            case StoryRefusal.UnknownMove:
                return Problems.Create(404, "unknown-move", outcome.Message!);
            default:
                return Problems.Create(404, "story-not-found", "There is no such story.");
        }
    }
}
