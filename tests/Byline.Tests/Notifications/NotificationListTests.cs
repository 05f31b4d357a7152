using System.Net;
using System.Net.Http.Json;
using Byline.Tests.Infrastructure;
using Byline.Tests.Moderation;
using Byline.Web.Notifications;

namespace Byline.Tests.Notifications;

public sealed class NotificationListTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheListIsNewestFirstWithAnUnreadCountAndMarkingReadLowersIt(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var (ana, ben) = (await factory.CreateUserAsync(), await factory.CreateUserAsync());
        var parent = await factory.CommentAsync(ana, "The levy is overdue.");
        var replies = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            replies.Add(await factory.CommentAsync(ben, $"Reply number {i}.", parent));
        }
        await factory.RunOutboxAsync();
        using var client = factory.ClientFor(ana);

        var first = await client.NotificationsApiAsync("?limit=2");
        Assert.Equal(3, first.GetProperty("unread").GetInt32());
        var items = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([replies[2], replies[1]], items.Select(i => i.GetProperty("commentId").GetInt64()));
        Assert.Equal("reply", items[0].GetProperty("kind").GetString());
        Assert.Equal($"/comments/{replies[2]}", items[0].GetProperty("link").GetString());
        var rest = await client.NotificationsApiAsync($"?before={first.GetProperty("next").GetString()}");
        Assert.Equal([replies[0]], rest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("commentId").GetInt64()));
        Assert.Equal(JsonValueKindNull, rest.GetProperty("next").ValueKind);

        var marked = await client.PostAsJsonAsync("/api/v1/me/notifications/read", new { ids = new[] { items[0].GetProperty("id").GetInt64() } });
        Assert.Equal(2, (await marked.ReadJsonAsync()).GetProperty("unread").GetInt32());
        var all = await client.PostAsJsonAsync("/api/v1/me/notifications/read", new { all = true });
        Assert.Equal(0, (await all.ReadJsonAsync()).GetProperty("unread").GetInt32());

        await Http.AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/me/notifications/read", new { }), HttpStatusCode.BadRequest, "nothing-to-mark");
        await Http.AssertProblemAsync(await client.GetAsync("/api/v1/me/notifications?before=x"), HttpStatusCode.BadRequest, "invalid-cursor");
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnotherReadersNotificationsAreNeverVisibleNorMarkable(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var (ana, ben) = (await factory.CreateUserAsync(), await factory.CreateUserAsync());
        var parent = await factory.CommentAsync(ana, "The levy is overdue.");
        await factory.CommentAsync(ben, "Reply.", parent);
        await factory.RunOutboxAsync();
        var anasNotice = Assert.Single(await factory.NoticesOfAsync(ana)).Id;
        using var benClient = factory.ClientFor(ben);

        Assert.Empty((await benClient.NotificationsApiAsync()).GetProperty("items").EnumerateArray());
        var response = await benClient.PostAsJsonAsync("/api/v1/me/notifications/read", new { ids = new[] { anasNotice } });
        Assert.Equal(0, (await response.ReadJsonAsync()).GetProperty("marked").GetInt32());
        Assert.Null(Assert.Single(await factory.NoticesOfAsync(ana)).ReadAt);

        // Ben's own page does not list it either, and marking it from there changes nothing.
        using var benSession = await factory.SignInAsync(ben);
        var page = await benSession.PageAsync(NotificationPaths.List);
        Assert.Empty(page.QuerySelectorAll(".notification"));
        await benSession.SubmitAsync(NotificationPaths.List, $"{NotificationPaths.List}?handler=Read&id={anasNotice}", new Dictionary<string, string>());
        Assert.Null(Assert.Single(await factory.NoticesOfAsync(ana)).ReadAt);

        using var guest = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Http.AssertProblemAsync(await guest.GetAsync("/api/v1/me/notifications"), HttpStatusCode.Unauthorized, "sign-in-required");
        Assert.Equal(HttpStatusCode.Redirect, (await guest.GetAsync(NotificationPaths.List)).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ThePageListsTheReplyLinkingToItAndTheAccountNavShowsTheUnreadCount(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var (ana, ben) = (await factory.CreateUserAsync(), await factory.CreateUserAsync());
        var parent = await factory.CommentAsync(ana, "The levy is overdue.");
        var reply = await factory.CommentAsync(ben, "Twelve euros is too little.", parent);
        await factory.RunOutboxAsync();
        using var session = await factory.SignInAsync(ana);

        var page = await session.PageAsync(NotificationPaths.List);
        Assert.Equal("1", page.QuerySelector(".account-nav .unread-count")?.GetAttribute("data-unread"));
        var item = Assert.Single(page.QuerySelectorAll(".notification"));
        Assert.Contains("Twelve euros is too little.", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("replied to your comment", item.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/comments/{reply}", item.QuerySelector("a.notification-link")?.GetAttribute("href"));
        var redirect = await session.Client.GetAsync($"/comments/{reply}");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.EndsWith($"#comment-{reply}", redirect.Headers.Location?.ToString(), StringComparison.Ordinal);

        var readAll = await session.Client.SubmitAsync(page, NotificationPaths.List, "form.notifications-read-all");
        Assert.Equal(HttpStatusCode.Redirect, readAll.StatusCode);
        var after = await session.PageAsync(NotificationPaths.List);
        Assert.Null(after.QuerySelector(".account-nav .unread-count"));
        Assert.NotNull(after.QuerySelector(".notification-read"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReadersFollowAndMuteAStoryByApiOrWithoutScriptAndChangeTheirSettings(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var ana = await factory.CreateUserAsync();
        using var client = factory.ClientFor(ana);

        Assert.Equal("none", (await (await client.GetAsync("/api/v1/me/subscriptions/harbour-levy-agreed")).ReadJsonAsync()).GetProperty("mode").GetString());
        await factory.SetSubscriptionAsync(ana, "follow");
        Assert.Equal("follow", (await (await client.GetAsync("/api/v1/me/subscriptions/harbour-levy-agreed")).ReadJsonAsync()).GetProperty("mode").GetString());
        await Http.AssertProblemAsync(await client.PutAsJsonAsync("/api/v1/me/subscriptions/harbour-levy-agreed", new { mode = "loud" }), HttpStatusCode.BadRequest, "invalid-mode");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/me/subscriptions/no-such-story")).StatusCode);

        using var session = await factory.SignInAsync(ana);
        var storyPage = NotificationPaths.Story(NotificationKit.Slug);
        var muted = await session.SubmitAsync(storyPage, storyPage, new Dictionary<string, string> { ["mode"] = "mute" });
        Assert.Equal(HttpStatusCode.Redirect, muted.StatusCode);
        Assert.Equal("mute", (await (await client.GetAsync("/api/v1/me/subscriptions/harbour-levy-agreed")).ReadJsonAsync()).GetProperty("mode").GetString());

        var saved = await session.SubmitAsync(NotificationPaths.Settings, new Dictionary<string, string>
        {
            ["NotifyOnReply"] = "false", ["NotifyOnMention"] = "true", ["NotifyOnPassage"] = "false", ["NotifyOnMyStories"] = "true", ["EmailNotifications"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = factory.CreateDbContext();
        var account = db.Users.Single(u => u.Id == ana.Id);
        Assert.Equal((false, true, false, false), (account.NotifyOnReply, account.NotifyOnMention, account.NotifyOnPassage, account.EmailNotifications));

        // The story page links every reader to the no-script control.
        var story = await factory.CreateClient().GetPageAsync("/world/harbour-levy-agreed");
        Assert.Equal(storyPage, story.QuerySelector("[data-subscription] a")?.GetAttribute("href"));
    }
}
