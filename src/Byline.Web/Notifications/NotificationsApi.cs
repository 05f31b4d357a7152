using Byline.Web.Accounts;
using Byline.Web.Comments;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Byline.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byline.Web.Notifications;

/// <summary>The caller's own notices and story subscriptions, for programs and for the page's scripts.</summary>
public static class NotificationsApi
{
    public sealed record NotificationDto(
        long Id, string Kind, string What, long CommentId, string AuthorName, string Excerpt, string Headline, string StoryPath,
        string Link, DateTimeOffset CreatedAt, bool Read);

    public sealed record NotificationPageDto(IReadOnlyList<NotificationDto> Items, int Unread, string? Next);

    public sealed record ReadBody(IReadOnlyList<long>? Ids, bool? All);

    public sealed record ReadResult(int Marked, int Unread);

    public sealed record SubscriptionDto(string Story, string Mode);

    public sealed record SubscriptionBody(string? Mode);

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Notifications").AddEndpointFilter(SignedInCalls.Filter);
        me.MapGet("/notifications", ListAsync).WithName("ListNotifications")
            .WithSummary("The caller's notifications, newest first, keyset-paged with ?before= (the 'next' of the previous page), and the unread count.");
        me.MapPost("/notifications/read", ReadAsync).WithName("MarkNotificationsRead")
            .WithSummary("Marks notifications read: { \"ids\": [1, 2] } or { \"all\": true }. Answers how many were marked and how many stay unread.")
            .Accepts<ReadBody>("application/json");
        me.MapGet("/subscriptions/{slug}", GetSubscriptionAsync).WithName("GetSubscription")
            .WithSummary("The caller's choice for a story's discussion: follow, mute or none.");
        me.MapPut("/subscriptions/{slug}", PutSubscriptionAsync).WithName("SetSubscription")
            .WithSummary("Follows (every new comment), mutes (nothing at all, not even replies) or clears (none) a story's discussion.")
            .Accepts<SubscriptionBody>("application/json");
        return app;
    }


    public static async Task<Results<Ok<NotificationPageDto>, ProblemHttpResult>> ListAsync(
        string? before, int? limit, CurrentUser me, BylineDbContext db, CancellationToken cancellationToken)
    {
        long? cursor = null;
        if (before is not null)
        {
            if (!long.TryParse(before, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                return Problems.Create(400, "invalid-cursor", "The 'before' cursor is not one this API gave out.");
            }
            cursor = id;
        }
        var size = limit ?? NotificationList.DefaultSize;
        if (size is < 1 or > NotificationList.MaxSize)
        {
            return Problems.Create(400, "invalid-limit", $"'limit' must be between 1 and {NotificationList.MaxSize}.");
        }
        var page = await NotificationList.LoadAsync(db, me.Id!, cursor, size, cancellationToken);
        var unread = await NotificationList.UnreadAsync(db, me.Id!, cancellationToken);
        return TypedResults.Ok(new NotificationPageDto(
            page.Rows.Select(r => new NotificationDto(r.Id, r.Kind.ToString().ToLowerInvariant(), r.What, r.CommentId, r.AuthorName, r.Excerpt,
                r.Headline, r.StoryPath, r.Link, r.CreatedAt, r.ReadAt is not null)).ToList(),
            unread,
            page.Next?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public static async Task<Results<Ok<ReadResult>, ProblemHttpResult>> ReadAsync(
        HttpRequest request, CurrentUser me, BylineDbContext db, WriteGate writeGate, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReadBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (body!.All != true && (body.Ids is null || body.Ids.Count == 0))
        {
            return Problems.Create(400, "nothing-to-mark", "Send { \"ids\": [...] } or { \"all\": true }.", "ids");
        }
        if (body.Ids is { Count: > NotificationList.MaxSize })
        {
            return Problems.Create(400, "too-many-ids", $"At most {NotificationList.MaxSize} ids at a time.", "ids");
        }
        var marked = await NotificationList.MarkReadAsync(db, writeGate, me.Id!, body.All == true ? null : body.Ids, time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new ReadResult(marked, await NotificationList.UnreadAsync(db, me.Id!, cancellationToken)));
    }

    public static async Task<Results<Ok<SubscriptionDto>, ProblemHttpResult>> GetSubscriptionAsync(
        string slug, CurrentUser me, BylineDbContext db, CancellationToken cancellationToken)
    {
        if (await Subscriptions.FindStoryAsync(db, slug, cancellationToken) is not { } story)
        {
            return Problems.From(CommentError.ArticleNotFound);
        }
        return TypedResults.Ok(new SubscriptionDto(slug, Subscriptions.Name(await Subscriptions.GetAsync(db, me.Id!, story.Id, cancellationToken))));
    }

    public static async Task<Results<Ok<SubscriptionDto>, ProblemHttpResult>> PutSubscriptionAsync(
        string slug, HttpRequest request, CurrentUser me, BylineDbContext db, WriteGate writeGate, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<SubscriptionBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (!Subscriptions.TryParse(body!.Mode, out var mode))
        {
            return Problems.Create(400, "invalid-mode", "'mode' must be follow, mute or none.", "mode");
        }
        if (await Subscriptions.FindStoryAsync(db, slug, cancellationToken) is not { } story)
        {
            return Problems.From(CommentError.ArticleNotFound);
        }
        await Subscriptions.SetAsync(db, writeGate, me.Id!, story.Id, mode, time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new SubscriptionDto(slug, Subscriptions.Name(mode)));
    }
}
