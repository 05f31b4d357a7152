using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Byline.Data.Notifications;
using Byline.Tests.Infrastructure;
using Byline.Tests.Moderation;
using Byline.Web.Hosting.Outbox;
using Byline.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Notifications;

/// <summary>Discussions to be notified of: a story, readers who comment through the API, and the background work run as the worker would.</summary>
public static class NotificationKit
{
    public const string Slug = "harbour-levy-agreed";

    public static async Task<string> StoryAsync(this BylineFactory factory, string slug = Slug, IReadOnlyList<string>? writers = null)
    {
        await factory.AddStoryAsync(slug: slug, writers: writers);
        return slug;
    }

    /// <summary>Posts a visible comment (or reply) as <paramref name="user"/> and returns its id.</summary>
    public static async Task<long> CommentAsync(this BylineFactory factory, TestUsers.TestUser user, string body, long? parentId = null, string slug = Slug)
    {
        using var client = factory.ClientFor(user);
        var comment = await client.PostCreatedAsync(slug, body, parentId);
        Assert.Equal("approved", comment.Status());
        return comment.Id();
    }

    public static Task<int> RunOutboxAsync(this BylineFactory factory) =>
        factory.Services.GetRequiredService<OutboxWorker>().RunDueAsync(CancellationToken.None);

    public static async Task<List<Notification>> NoticesOfAsync(this BylineFactory factory, TestUsers.TestUser user)
    {
        await using var db = factory.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == user.Id).OrderBy(n => n.Id).ToListAsync();
    }

    public static async Task<List<Notification>> NoticesAboutAsync(this BylineFactory factory, long commentId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.CommentId == commentId).OrderBy(n => n.Id).ToListAsync();
    }

    public static async Task SetSubscriptionAsync(this BylineFactory factory, TestUsers.TestUser user, string mode, string slug = Slug)
    {
        using var client = factory.ClientFor(user);
        var response = await client.PutAsJsonAsync($"/api/v1/me/subscriptions/{slug}", new { mode });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task ChangeAccountAsync(this BylineFactory factory, TestUsers.TestUser user, Action<Byline.Data.Accounts.BylineUser> change)
    {
        await using var db = factory.CreateDbContext();
        var account = await db.Users.SingleAsync(u => u.Id == user.Id);
        change(account);
        await db.SaveChangesAsync();
    }

    public static async Task<JsonElement> NotificationsApiAsync(this HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/me/notifications{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>An unsubscribe token as the app makes them.</summary>
    public static string Token(this BylineFactory factory, string userId, int? articleId) =>
        factory.Services.GetRequiredService<UnsubscribeTokens>().Create(userId, articleId);

    public static async Task<int> ArticleIdAsync(this BylineFactory factory, string slug = Slug)
    {
        await using var db = factory.CreateDbContext();
        return await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
    }
}
