using System.Globalization;
using Byline.Data.Accounts;
using Byline.Tests.Accounts;
using Byline.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using System.Net;
using Byline.Data;
using Byline.Web.Accounts;
using Byline.Web.Articles;
using Byline.Web.Hosting.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Notifications;

public sealed class NotificationMailTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ThreeRepliesQueuedTogetherGoOutAsOneMailHoldingAllThree(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var (ana, ben) = (await factory.CreateUserAsync(), await factory.CreateUserAsync());
        var parent = await factory.CommentAsync(ana, "The levy is overdue.");
        await factory.CommentAsync(ben, "First reply, about tonnes.", parent);
        await factory.CommentAsync(ben, "Second reply, about ferries.", parent);
        await factory.CommentAsync(ben, "Third reply, about the quay.", parent);

        await factory.RunOutboxAsync();

        var mail = Assert.Single(Mailbox.All(factory));
        Assert.Equal(ana.Email, mail.To.Mailboxes.Single().Address);
        Assert.Contains("3 new comments", mail.Subject, StringComparison.Ordinal);
        foreach (var text in new[] { "First reply, about tonnes.", "Second reply, about ferries.", "Third reply, about the quay.", ben.DisplayName, "/comments/" })
        {
            Assert.Contains(text, mail.TextBody, StringComparison.Ordinal);
        }
        Assert.Equal(3, (await factory.NoticesOfAsync(ana)).Count(n => n.EmailedAt is not null));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RepliesWithinTenMinutesOfAMailWaitForTheNextOneAndAfterAQuietPeriodAMailGoesAtOnce(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var (ana, ben) = (await factory.CreateUserAsync(), await factory.CreateUserAsync());
        var parent = await factory.CommentAsync(ana, "The levy is overdue.");

        await factory.CommentAsync(ben, "Reply one.", parent);
        await factory.RunOutboxAsync();
        Assert.Equal(1, Mailbox.CountTo(factory, ana.Email));

        factory.Time.Advance(TimeSpan.FromMinutes(2));
        await factory.CommentAsync(ben, "Reply two.", parent);
        await factory.RunOutboxAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(3));
        await factory.CommentAsync(ben, "Reply three.", parent);
        await factory.RunOutboxAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(4));
        await factory.RunOutboxAsync();
        // Nine minutes after the first mail: still one.
        Assert.Equal(1, Mailbox.CountTo(factory, ana.Email));
        // The on-site list has them already.
        Assert.Equal(3, (await factory.NoticesOfAsync(ana)).Count);

        factory.Time.Advance(TimeSpan.FromMinutes(1));
        await factory.RunOutboxAsync();
        Assert.Equal(2, Mailbox.CountTo(factory, ana.Email));
        var second = Mailbox.LatestTo(factory, ana.Email);
        Assert.Contains("Reply two.", second.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reply three.", second.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Reply one.", second.TextBody, StringComparison.Ordinal);

        factory.Time.Advance(TimeSpan.FromMinutes(30));
        await factory.CommentAsync(ben, "Reply four, much later.", parent);
        await factory.RunOutboxAsync();
        Assert.Equal(3, Mailbox.CountTo(factory, ana.Email));
        Assert.Contains("Reply four, much later.", Mailbox.LatestTo(factory, ana.Email).TextBody, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AWritersNoticesOfCommentsOnTheirStoryComeAsOneDigestAfterAnHour(string provider)
    {
        using var factory = new BylineFactory(provider);
        var writer = await factory.CreateUserAsync(Roles.Writer);
        await factory.StoryAsync(writers: [writer.DisplayName]);
        var (ana, ben) = (await factory.CreateUserAsync(), await factory.CreateUserAsync());

        await factory.CommentAsync(ana, "Thread from Ana.");
        await factory.RunOutboxAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(20));
        await factory.CommentAsync(ben, "Thread from Ben.");
        await factory.RunOutboxAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(39));
        await factory.RunOutboxAsync();
        Assert.Equal(0, Mailbox.CountTo(factory, writer.Email));

        factory.Time.Advance(TimeSpan.FromMinutes(1));
        await factory.RunOutboxAsync();
        var digest = Assert.Single(Mailbox.All(factory), m => m.To.Mailboxes.Any(b => b.Address == writer.Email));
        Assert.Contains("2 new comments on your story", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("Thread from Ana.", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Thread from Ben.", digest.TextBody, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task NoMailGoesToAReaderWhoTurnedEmailOffButTheNoticeStaysOnTheSite(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var (ana, ben) = (await factory.CreateUserAsync(), await factory.CreateUserAsync());
        var parent = await factory.CommentAsync(ana, "The levy is overdue.");
        await factory.CommentAsync(ben, "Reply one.", parent);
        // Turned off after the notice was made, before its mail went.
        await factory.ChangeAccountAsync(ana, u => u.EmailNotifications = false);

        await factory.RunOutboxAsync();

        Assert.Empty(Mailbox.All(factory));
        var notice = Assert.Single(await factory.NoticesOfAsync(ana));
        Assert.Null(notice.EmailedAt);
    }

    [Fact]
    public async Task OverRealSmtpTheMailArrivesWithOneClickUnsubscribeHeadersAndAStableMessageId()
    {
        await using var smtp = new SmtpCapture();
        using var plain = new BylineFactory();
        // Everything goes through this one app (a second app on the same database would race for its keys).
        using var factory = plain.WithWebHostBuilder(host => host
            .UseSetting("Byline:Smtp:Host", "127.0.0.1")
            .UseSetting("Byline:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture))
            .UseSetting("Byline:Smtp:UseTls", "false")
            .UseSetting("Byline:Smtp:From", "news@byline.example")
            .UseSetting("Byline:PublicUrl", "https://news.example"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync(new StoryDocument
            {
                Headline = TestData.Headline,
                Slug = NotificationKit.Slug,
                Writers = ["Ingrid Halvorsen"],
                Published = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero),
                SectionName = "World",
                SectionSlug = "world",
                Language = "en",
                CommentsOpen = true,
                Body = "The levy was agreed after a long night.\n",
            });
        }
        var (ana, ben) = (await ReaderAsync(factory, "Ana Lind"), await ReaderAsync(factory, "Ben Ort"));
        var parent = await CommentThroughAsync(factory, ana.Token, "The levy is overdue.");
        await CommentThroughAsync(factory, ben.Token, "Twelve euros is too little.", parent);

        await factory.Services.GetRequiredService<OutboxWorker>().RunDueAsync(CancellationToken.None);

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(ana.Email, mail.To.Mailboxes.Single().Address);
        Assert.Equal($"Ben Ort replied to your comment on “{TestData.Headline}”", mail.Subject);
        Assert.Contains("Twelve euros is too little.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://news.example/comments/", mail.TextBody, StringComparison.Ordinal);
        var unsubscribe = mail.Headers["List-Unsubscribe"] ?? "";
        Assert.StartsWith("<https://news.example/unsubscribe?token=", unsubscribe, StringComparison.Ordinal);
        Assert.EndsWith(">", unsubscribe, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith("notify.", mail.MessageId, StringComparison.Ordinal);
        Assert.EndsWith("@byline.example", mail.MessageId, StringComparison.Ordinal);

        // The header's link is a one-click unsubscribe (RFC 8058): a POST without cookies or form token.
        using var mailClient = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var response = await mailClient.PostAsync(new Uri(unsubscribe.Trim('<', '>')).PathAndQuery, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<BylineDbContext>();
        Assert.False(await db.Users.Where(u => u.Id == ana.Id).Select(u => u.EmailNotifications).SingleAsync());
    }

    private static async Task<(string Id, string Email, string Token)> ReaderAsync(WebApplicationFactory<Program> factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var email = $"{Guid.NewGuid():N}@example.test";
        var user = new BylineUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>().CreateAsync(user, TestUsers.Password);
        Assert.True(result.Succeeded);
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "tests", CancellationToken.None);
        return (user.Id, email, token.Secret);
    }

    private static async Task<long> CommentThroughAsync(WebApplicationFactory<Program> factory, string token, string body, long? parentId = null)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var comment = await Moderation.ModerationKit.PostCreatedAsync(client, NotificationKit.Slug, body, parentId);
        return Moderation.ModerationKit.Id(comment);
    }
}
