using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Byline.BrowserTests.Infrastructure;
using Byline.Data.Accounts;
using Byline.Web.Accounts;
using Byline.Web.Hosting.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>A reply reaches the replied-to reader: their unread count shows, and the list links to the reply.</summary>
[Collection(SharedBrowser.Name)]
public sealed partial class NotificationJourneyTests(BylineSite site)
{
    [Fact]
    public async Task AReplyShowsInTheRepliedToReadersUnreadCountAndTheListLinksToIt()
    {
        var (path, _) = await site.AddStoryAsync("notify-reply", comments: 0);
        var slug = path[(path.LastIndexOf('/') + 1)..];
        var (ana, ben) = (await ReaderAsync("Ana Lind"), await ReaderAsync("Ben Ort"));
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/articles/{slug}/comments")
        {
            Content = JsonContent.Create(new { body = "Shore power should come first." }),
        };
        post.Headers.Authorization = new("Bearer", ana.Token);
        var created = await site.Api.SendAsync(post);
        created.EnsureSuccessStatusCode();
        var parentId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        // Ben replies in the browser.
        await using var benContext = await site.NewContextAsync();
        await benContext.SetExtraHTTPHeadersAsync([new("Authorization", $"Bearer {ben.Token}")]);
        var story = await benContext.OpenAsync(path);
        await story.Locator($"#comment-{parentId} > .comment-actions .comment-reply").ClickAsync();
        var form = story.Locator("form#comment-form");
        await form.GetByLabel("Comment", new LocatorGetByLabelOptions { Exact = true }).FillAsync("Shore power and a fund for the fishing towns.");
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Post comment" }).ClickAsync();
        await story.WaitForURLAsync(CommentAnchor());
        var replyId = long.Parse(CommentAnchor().Match(story.Url).Groups["id"].Value, CultureInfo.InvariantCulture);
        // The worker would do it within moments; run it now so the journey does not wait on a poll.
        await site.Services.GetRequiredService<OutboxWorker>().RunDueAsync(CancellationToken.None);

        await using var anaContext = await site.NewContextAsync();
        await anaContext.SetExtraHTTPHeadersAsync([new("Authorization", $"Bearer {ana.Token}")]);
        var home = await anaContext.OpenAsync(path);
        var count = home.Locator(".account-nav .unread-count");
        await Assertions.Expect(count).ToContainTextAsync("1");
        await home.Locator(".account-nav a.account-notifications").ClickAsync();

        var list = home;
        await list.WaitForURLAsync("**/account/notifications");
        var item = list.Locator(".notification").First;
        await Assertions.Expect(item).ToContainTextAsync("Ben Ort replied to your comment");
        await Assertions.Expect(item).ToContainTextAsync("Shore power and a fund for the fishing towns.");
        var axe = await list.RunAxeAsync();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));

        await item.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "See the comment" }).ClickAsync();
        await list.WaitForURLAsync(new Regex($"#comment-{replyId}$"));
        await Assertions.Expect(list.Locator($"#comment-{replyId}")).ToBeVisibleAsync();

        // On the story, the signed-in reader's own follow control replaces the plain link.
        var follow = list.Locator(".subscription-control button").First;
        await Assertions.Expect(follow).ToHaveTextAsync("Follow this discussion");
        await follow.ClickAsync();
        await Assertions.Expect(list.Locator(".subscription-control button").First).ToHaveAttributeAsync("aria-pressed", "true");
    }

    private async Task<(string Id, string Token)> ReaderAsync(string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var email = $"{Guid.NewGuid():N}@example.test";
        var user = new BylineUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"{name}" };
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>().CreateAsync(user, NewsroomStaff.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "browser tests", CancellationToken.None);
        return (user.Id, token.Secret);
    }

    [GeneratedRegex(@"#comment-(?<id>\d+)$")]
    private static partial Regex CommentAnchor();
}
