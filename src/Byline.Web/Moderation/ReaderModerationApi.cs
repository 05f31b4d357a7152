using Byline.Data.Accounts;
using Byline.Data.Comments;
using Byline.Web.Accounts;
using Byline.Web.Comments;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byline.Web.Moderation;

/// <summary>What readers do about moderation through the API: flag someone's comment; appeal or withdraw their own.</summary>
public static class ReaderModerationApi
{
    public sealed record FlagBody(string? Reason, string? Note);
    public sealed record AppealBody(string? Note);

    public static IEndpointRouteBuilder MapReaderModerationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/comments/{id:long}").WithTags("Comments").AddEndpointFilter(SignedInCalls.Filter);
        api.MapPost("/flags", FlagAsync).WithName("FlagComment")
            .WithSummary("Reports a comment: reason spam | abuse | off-topic | other (with a note). One flag per reader per comment.")
            .Accepts<FlagBody>("application/json");
        api.MapPost("/appeal", AppealAsync).WithName("AppealComment")
            .WithSummary("The author appeals a moderator's rejection, once, with a short note; the comment goes back to the queue.")
            .Accepts<AppealBody>("application/json");
        api.MapDelete("/", DeleteAsync).WithName("DeleteComment")
            .WithSummary("The author withdraws their comment: its text is removed, replies keep their place under \"[deleted]\".");
        return app;
    }


    public static async Task<Results<Created, ProblemHttpResult>> FlagAsync(
        long id, HttpRequest request, Flags flags, CurrentUser user, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<FlagBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (reason, note, error) = FlagInput.Read(body!.Reason, body.Note);
        if (error is not null)
        {
            return Problems.Create(400, error.Value.Code, error.Value.Message, error.Value.Field);
        }
        var outcome = await flags.FlagAsync(id, FlagInput.Flagger(user), reason, note, cancellationToken);
        return outcome switch
        {
            Flags.Outcome.Flagged or Flags.Outcome.Held => TypedResults.Created(),
            Flags.Outcome.OwnComment => Problems.Create(400, "own-comment", "You cannot flag your own comment."),
            Flags.Outcome.AlreadyFlagged => Problems.Create(409, "already-flagged", "You have flagged this comment already."),
            Flags.Outcome.Banned => Problems.Create(403, "user-banned", "Your account may not take part in the discussion at the moment."),
            _ => Problems.Create(404, "comment-not-found", "There is no such comment."),
        };
    }

    public static async Task<Results<Ok<AppealResult>, ProblemHttpResult>> AppealAsync(
        long id, HttpRequest request, AuthorActions actions, CurrentUser user, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<AppealBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (note, error) = FlagInput.Note(body!.Note, AuthorActions.MaxAppealLength, required: true);
        if (error is not null)
        {
            return Problems.Create(400, error.Value.Code, error.Value.Message, error.Value.Field);
        }
        return await actions.AppealAsync(id, ModerationApi.Actor(user), note!, cancellationToken) switch
        {
            AuthorActions.Outcome.Done => TypedResults.Ok(new AppealResult("pending")),
            AuthorActions.Outcome.NotAppealable => Problems.Create(409, "not-appealable", "Only a rejected comment can be appealed, and only once."),
            _ => Problems.Create(404, "comment-not-found", "There is no such comment of yours."),
        };
    }

    public sealed record AppealResult(string Status);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, AuthorActions actions, CurrentUser user, CancellationToken cancellationToken) =>
        await actions.DeleteAsync(id, ModerationApi.Actor(user), cancellationToken) == AuthorActions.Outcome.Done
            ? TypedResults.NoContent()
            : Problems.Create(404, "comment-not-found", "There is no such comment of yours.");
}

/// <summary>Checks what a reader types into a flag or an appeal, for the API and the forms alike.</summary>
public static class FlagInput
{
    public readonly record struct Error(string Code, string Message, string Field);

    public static (FlagReason Reason, string? Note, Error? Error) Read(string? reason, string? note)
    {
        if (!FlagReasons.TryParse(reason, out var parsed))
        {
            return (default, null, new Error("invalid-reason", "Choose why: spam, abuse, off-topic or other.", "reason"));
        }
        var (clean, error) = Note(note, Flags.MaxNoteLength, required: parsed == FlagReason.Other);
        return (parsed, clean, error);
    }

    public static (string? Note, Error? Error) Note(string? note, int max, bool required)
    {
        var (clean, problem) = TextInput.CleanMultiline(note);
        if (problem != TextInput.Problem.None)
        {
            return (null, new Error("invalid-text", "The note contains invalid characters.", "note"));
        }
        if (clean.Length == 0)
        {
            return required ? (null, new Error("note-required", "Say in a few words what is wrong.", "note")) : (null, null);
        }
        return TextInput.IsLongerThan(clean, max)
            ? (null, new Error("note-too-long", $"A note can be at most {max} characters.", "note"))
            : (clean, null);
    }

    public static Flags.Flagger Flagger(CurrentUser user) =>
        new(user.Id!, user.DisplayName, user.IsInAny(Roles.Writer, Roles.Editor, Roles.Moderator));
}
