using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Byline.Data.Notifications;
using Byline.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Notifications;

public sealed class UnsubscribeTests
{
    private static HttpClient MailClient(BylineFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static Task<HttpResponseMessage> OneClickAsync(HttpClient client, string token) =>
        client.PostAsync($"/unsubscribe?token={Uri.EscapeDataString(token)}",
            new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]));

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AOneClickPostWithoutCookiesMutesTheStoryOrStopsAllMail(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var ana = await factory.CreateUserAsync();
        var articleId = await factory.ArticleIdAsync();
        using var client = MailClient(factory);

        Assert.Equal(HttpStatusCode.OK, (await OneClickAsync(client, factory.Token(ana.Id, articleId))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await OneClickAsync(client, factory.Token(ana.Id, null))).StatusCode);

        await using var db = factory.CreateDbContext();
        var subscription = await db.StorySubscriptions.AsNoTracking().SingleAsync(s => s.UserId == ana.Id);
        Assert.Equal((articleId, SubscriptionMode.Mute), (subscription.ArticleId, subscription.Mode));
        Assert.False(await db.Users.Where(u => u.Id == ana.Id).Select(u => u.EmailNotifications).SingleAsync());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AGetOnlyAsksAndChangesNothing(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var ana = await factory.CreateUserAsync();
        using var client = MailClient(factory);

        var page = await client.GetPageAsync($"/unsubscribe?token={Uri.EscapeDataString(factory.Token(ana.Id, null))}");

        Assert.NotNull(page.QuerySelector("form[method=post] button[type=submit]"));
        Assert.Contains("all notification email", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.True(await db.Users.Where(u => u.Id == ana.Id).Select(u => u.EmailNotifications).SingleAsync());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ATamperedExpiredOrUnknownTokenIsRefusedWith400AndChangesNothing(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var ana = await factory.CreateUserAsync();
        var articleId = await factory.ArticleIdAsync();
        using var client = MailClient(factory);
        var genuine = factory.Token(ana.Id, articleId);
        var tampered = genuine[..^4] + (genuine[^4] == 'A' ? "B" : "A") + genuine[^3..];
        var unknownUser = factory.Token("no-such-account", null);

        foreach (var token in new[] { tampered, unknownUser, "", "not-a-token", genuine + "x" })
        {
            var post = await OneClickAsync(client, token);
            Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
            Assert.Contains("not valid", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/unsubscribe?token={Uri.EscapeDataString(token)}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/unsubscribe", new FormUrlEncodedContent([]))).StatusCode);

        // A token issued longer ago than a token lives. (Made by a clock set back, rather than by moving the site's
        // clock half a year ahead, which makes the site's Data Protection keys expire and renew.)
        var issuedLongAgo = new Byline.Web.Notifications.UnsubscribeTokens(
            factory.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(factory.Time.GetUtcNow() - Byline.Web.Notifications.UnsubscribeTokens.Lifetime - TimeSpan.FromDays(1)));
        var expired = issuedLongAgo.Create(ana.Id, articleId);
        Assert.Equal(HttpStatusCode.BadRequest, (await OneClickAsync(client, expired)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/unsubscribe?token={Uri.EscapeDataString(genuine)}")).StatusCode);

        await using var db = factory.CreateDbContext();
        Assert.False(await db.StorySubscriptions.AnyAsync());
        Assert.True(await db.Users.Where(u => u.Id == ana.Id).Select(u => u.EmailNotifications).SingleAsync());
    }

    [Fact]
    public async Task AnUnsubscribedStorySendsNoMoreMailWhileOtherStoriesStillDo()
    {
        using var factory = new BylineFactory();
        await factory.StoryAsync();
        await factory.StoryAsync("second-story");
        var (ana, ben) = (await factory.CreateUserAsync(), await factory.CreateUserAsync());
        var first = await factory.CommentAsync(ana, "On the first story.");
        var second = await factory.CommentAsync(ana, "On the second story.", slug: "second-story");
        using var client = MailClient(factory);
        await OneClickAsync(client, factory.Token(ana.Id, await factory.ArticleIdAsync()));

        await factory.CommentAsync(ben, "Reply on the first.", first);
        await factory.CommentAsync(ben, "Reply on the second.", second, "second-story");
        await factory.RunOutboxAsync();

        var mail = Assert.Single(Accounts.Mailbox.All(factory));
        Assert.Contains("Reply on the second.", mail.TextBody, StringComparison.Ordinal);
    }
}
