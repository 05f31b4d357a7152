using Byline.Data;
using Byline.Data.Accounts;
using Byline.Web.Accounts;
using Byline.Web.Articles;
using Byline.Web.Comments;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byline.Web.Moderation;

/// <summary>
/// The queue and the decisions for programs and for the queue page's script: staff with the moderator role, by API
/// token or by cookie. A cookie-authenticated write must be JSON from this site (as for comments, see CommentsFeature).
/// </summary>
public static class ModerationApi
{
    public const string Prefix = "/api/v1/moderation";

    public sealed record DecisionBody(string? Action, string? Reason, int? Revision);
    public sealed record BatchBody(string? Action, string? Reason, IReadOnlyList<BatchItem>? Items);
    public sealed record BatchItem(long Id, int Revision);
    public sealed record BanBody(int? Days, bool? Permanent, string? Reason, bool? HideComments);

    public sealed record QueueDto(IReadOnlyList<QueueItemDto> Items, string? Next, int Pending, int Flagged);
    public sealed record QueueItemDto(
        CommentDto Comment, int Revision, string Status, string? AuthorEmail, string? AuthorUserId, double? SpamScore, string? SpamExplanation,
        IReadOnlyList<string> Reasons, StoryDto Story, HistoryDto Author, IReadOnlyList<FlagDto> Flags, string? Appeal);
    public sealed record StoryDto(string Headline, string Url, string Language);
    public sealed record HistoryDto(int Approved, int Pending, int Rejected, int Spam, DateTimeOffset? AccountCreated, DateTimeOffset? BannedUntil);
    public sealed record FlagDto(string Reason, int Count, IReadOnlyList<string> Notes);
    public sealed record OutcomeDto(long Id, string? Status, string? Error);

    public static IEndpointRouteBuilder MapModerationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithTags("Moderation").AddEndpointFilter(ModeratorsOnly);
        api.MapGet("/queue", QueueAsync).WithName("ModerationQueues")
            .WithSummary("A queue (pending, flagged, spam, rejected, approved), newest first or ?order=oldest, ?story=slug, ?reason=code, keyset-paged with ?after=.");
        api.MapPost("/comments/{id:long}/decision", DecideAsync).WithName("DecideComment")
            .WithSummary("approve | reject (with a reason) | spam, on the revision the moderator saw (409 stale-revision otherwise).")
            .Accepts<DecisionBody>("application/json");
        api.MapGet("/comments/{id:long}/edits", EditHistory.GetAsync).WithName("CommentEdits")
            .WithSummary("A comment's current revision and the texts its author replaced, oldest first, with when each was written and replaced.");
        api.MapPost("/decisions", DecideBatchAsync).WithName("DecideComments")
            .WithSummary($"One action on up to {ModeratorDecisions.MaxBatch} comments in one transaction; each item succeeds or names its error.")
            .Accepts<BatchBody>("application/json");
        api.MapPost("/users/{userId}/ban", BanAsync).WithName("BanUser")
            .WithSummary("Bans an account from commenting for 'days' or permanently; hideComments rejects everything it posted.")
            .Accepts<BanBody>("application/json");
        api.MapDelete("/users/{userId}/ban", LiftAsync).WithName("LiftBan");
        api.MapGet("/metrics", MetricsAsync).WithName("ModerationMetrics");
        return app;
    }

    private static async ValueTask<object?> ModeratorsOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var user = http.RequestServices.GetRequiredService<CurrentUser>();
        if (!user.IsSignedIn)
        {
            return Problems.Create(401, "sign-in-required", "Sign in, or send an API token, as a moderator.");
        }
        if (!user.IsIn(Roles.Moderator))
        {
            return Problems.Create(403, "forbidden", "Only moderators can use the moderation API.");
        }
        if (!HttpMethods.IsGet(http.Request.Method) && !ApiTokenHandler.HasBearerToken(http.Request) && !SameOriginForm.IsAllowed(http.Request))
        {
            return Problems.From(CommentError.CrossSite);
        }
        return await next(context);
    }

    public static async Task<Results<Ok<QueueDto>, ProblemHttpResult>> QueueAsync(
        string? queue, string? order, string? story, string? reason, string? after, int? limit, BylineDbContext db, CancellationToken cancellationToken)
    {
        if (!ModerationQueues.TryParse(queue, out var name))
        {
            return Problems.Create(400, "invalid-queue", "'queue' is one of pending, flagged, spam, rejected, approved.");
        }
        if (order is not (null or "newest" or "oldest"))
        {
            return Problems.Create(400, "invalid-order", "'order' is newest or oldest.");
        }
        KeysetCursor? cursor = null;
        if (after is not null)
        {
            if (!KeysetCursor.TryParse(after, out var parsed))
            {
                return Problems.Create(400, "invalid-cursor", "The 'after' cursor is not one this API gave out.");
            }
            cursor = parsed;
        }
        var size = limit ?? ModerationQueues.DefaultSize;
        if (size is < 1 or > ModerationQueues.MaxSize)
        {
            return Problems.Create(400, "invalid-limit", $"'limit' must be between 1 and {ModerationQueues.MaxSize}.");
        }
        var page = await ModerationQueues.LoadAsync(db, new ModerationQueues.Filter(name, order == "oldest", NullIfEmpty(story), NullIfEmpty(reason), cursor, size), cancellationToken);
        return TypedResults.Ok(new QueueDto(page.Items.Select(ToDto).ToList(), page.Next?.ToString(),
            page.Counts[ModerationQueues.Name.Pending], page.Counts[ModerationQueues.Name.Flagged]));
    }

    public static QueueItemDto ToDto(ModerationQueues.Item item)
    {
        var c = item.Comment;
        var path = ArticlePaths.Story(item.Story.SectionSlug, item.Story.Slug);
        var h = item.History;
        return new QueueItemDto(
            CommentDto.From(c, path), c.Revision, CommentStatusNames.Of(c.Status), c.AuthorEmail, c.AuthorUserId, c.SpamScore, c.SpamExplanation,
            c.Reasons.Select(r => r.ToString()).ToList(),
            new StoryDto(item.Story.Headline, path, item.Story.Language),
            new HistoryDto(h.Approved, h.Pending, h.Rejected, h.Spam, h.AccountCreated, h.BannedUntil),
            item.Flags.Select(f => new FlagDto(FlagReasons.Name(f.Reason), f.Count, f.Notes)).ToList(),
            c.AppealNote);
    }

    public static async Task<Results<Ok<OutcomeDto>, ProblemHttpResult>> DecideAsync(
        long id, HttpRequest request, ModeratorDecisions decisions, CurrentUser user, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<DecisionBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (action, invalid) = Validate(body!.Action, body.Reason);
        if (invalid is not null)
        {
            return invalid;
        }
        if (body.Revision is not { } revision)
        {
            return Problems.Create(400, "revision-required", "Send the comment's 'revision' as you saw it.", "revision");
        }
        var outcome = (await decisions.DecideAsync([new(id, revision)], action, Clean(body.Reason), Actor(user), cancellationToken))[0];
        return outcome.Error switch
        {
            null => TypedResults.Ok(new OutcomeDto(id, outcome.Status, null)),
            ModeratorDecisions.NotFound => Problems.Create(404, outcome.Error, "There is no such comment."),
            ModeratorDecisions.StaleRevision => Problems.Create(409, outcome.Error, "The comment was edited since you saw it. Reload it and decide again."),
            _ => Problems.Create(409, outcome.Error, "That decision does not apply to the comment in its current state."),
        };
    }

    public static async Task<Results<Ok<IReadOnlyList<OutcomeDto>>, ProblemHttpResult>> DecideBatchAsync(
        HttpRequest request, ModeratorDecisions decisions, CurrentUser user, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<BatchBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (action, invalid) = Validate(body!.Action, body.Reason);
        if (invalid is not null)
        {
            return invalid;
        }
        if (body.Items is not { Count: > 0 and <= ModeratorDecisions.MaxBatch } items)
        {
            return Problems.Create(400, "invalid-items", $"Send 1 to {ModeratorDecisions.MaxBatch} items, each {{id, revision}}.", "items");
        }
        var outcomes = await decisions.DecideAsync(items.Select(i => new ModeratorDecisions.Item(i.Id, i.Revision)).ToList(), action, Clean(body.Reason), Actor(user), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<OutcomeDto>>(outcomes.Select(o => new OutcomeDto(o.CommentId, o.Status, o.Error)).ToList());
    }

    public static async Task<Results<Ok<BanResultDto>, ProblemHttpResult>> BanAsync(
        string userId, HttpRequest request, Bans bans, CurrentUser user, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<BanBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var reason = Clean(body!.Reason);
        if (reason is null || reason.Length > Bans.MaxReasonLength)
        {
            return Problems.Create(400, "reason-required", $"Give a reason for the ban (at most {Bans.MaxReasonLength} characters).", "reason");
        }
        DateTimeOffset until;
        if (body.Permanent == true)
        {
            until = BylineUser.PermanentBan;
        }
        else if (body.Days is >= 1 and <= 3650)
        {
            until = time.GetUtcNow().AddDays(body.Days.Value);
        }
        else
        {
            return Problems.Create(400, "invalid-duration", "Send 'days' (1 to 3650) or 'permanent': true.", "days");
        }
        var (outcome, hidden) = await bans.BanAsync(userId, until, reason, body.HideComments == true, Actor(user), cancellationToken);
        return outcome switch
        {
            Bans.Outcome.Banned => TypedResults.Ok(new BanResultDto(until == BylineUser.PermanentBan ? null : until, hidden)),
            Bans.Outcome.Staff => Problems.Create(409, "staff-account", "Staff accounts are not banned: change their roles at /admin/users."),
            _ => Problems.Create(404, "user-not-found", "There is no such account."),
        };
    }

    public sealed record BanResultDto(DateTimeOffset? Until, int HiddenComments);

    public static async Task<Results<NoContent, ProblemHttpResult>> LiftAsync(string userId, Bans bans, CurrentUser user, CancellationToken cancellationToken) =>
        await bans.LiftAsync(userId, Actor(user), cancellationToken) == Bans.Outcome.Lifted
            ? TypedResults.NoContent()
            : Problems.Create(404, "user-not-found", "There is no such account.");

    public static async Task<Ok<ModerationMetrics>> MetricsAsync(BylineDbContext db, SiteSettingsStore settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        return TypedResults.Ok(await ModerationMetrics.LoadAsync(db, time.GetUtcNow(), site.Zone, site.Settings.ClassifierThreshold, cancellationToken));
    }

    public static (ModerationAction Action, ProblemHttpResult? Problem) Validate(string? action, string? reason)
    {
        if (!ModerationActions.TryParse(action, out var parsed))
        {
            return (parsed, Problems.Create(400, "invalid-action", "'action' is approve, reject or spam.", "action"));
        }
        var clean = Clean(reason);
        if (clean is { Length: > ModeratorDecisions.MaxReasonLength })
        {
            return (parsed, Problems.Create(400, "reason-too-long", $"A reason can be at most {ModeratorDecisions.MaxReasonLength} characters.", "reason"));
        }
        if (parsed == ModerationAction.Reject && clean is null)
        {
            return (parsed, Problems.Create(400, "reason-required", "A rejection needs a reason: its author reads it.", "reason"));
        }
        return (parsed, null);
    }

    public static string? Clean(string? text)
    {
        var (clean, problem) = TextInput.CleanSingleLine(text);
        return problem != TextInput.Problem.None || clean.Length == 0 ? null : clean;
    }

    public static ModerationActor Actor(CurrentUser user) => new(user.Id, user.DisplayName);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
