using System.Text.RegularExpressions;
using Byline.BrowserTests.Infrastructure;
using Byline.Data.Accounts;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>
/// The moderation journey in a real browser: a guest's solicitation is held and they are told so; a moderator clears
/// it from the queue with the keyboard alone; readers see it only then.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class ModerationJourneyTests(BylineSite site)
{
    private const string Solicitation =
        "各位好！我们的读书会正在招募新成员，请加入我们的群 https://t.me/reading_circle_demo ，入会前先捐款，并把捐款收据发到群里。";

    [Fact]
    public async Task HeldGuestCommentIsApprovedFromTheQueueByKeyboardAndThenReadersSeeIt()
    {
        await using var guest = await site.NewContextAsync();
        var story = await guest.OpenAsync(BylineSite.DemoStoryPath);
        var (before, _) = await story.DiscussionCountsAsync();

        var form = story.Locator("form#comment-form");
        await form.GetByLabel("Name", new LocatorGetByLabelOptions { Exact = true }).FillAsync("读书会");
        await form.GetByLabel("Comment", new LocatorGetByLabelOptions { Exact = true }).FillAsync(Solicitation);
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Post comment" }).ClickAsync();

        // The guest is told where their comment stands, and sees it; nobody else does.
        await story.WaitForURLAsync(HeldPage());
        var id = HeldPage().Match(story.Url).Groups["id"].Value;
        await Assertions.Expect(story.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Your comment is awaiting moderation");
        await Assertions.Expect(story.Locator(".comment-held .comment-body")).ToContainTextAsync("捐款收据");

        await using var reader = await site.NewContextAsync();
        var readerPage = await reader.OpenAsync(BylineSite.DemoStoryPath);
        await Assertions.Expect(readerPage.Locator($"#comment-{id}")).ToHaveCountAsync(0);
        Assert.DoesNotContain("reading_circle_demo", await readerPage.ContentAsync(), StringComparison.Ordinal);

        // The moderator finds it in the queue with the reasons it was held for, and approves it with j … a.
        var moderator = await NewsroomStaff.CreateAsync(site, Roles.Moderator, "Moderator");
        await using var staff = await site.ContextAsync(moderator);
        var queue = await staff.OpenAsync("/moderation");
        var item = queue.Locator($"#queue-item-{id}");
        await Assertions.Expect(item).ToBeVisibleAsync();
        var reasons = await item.Locator(".queue-reasons li").AllTextContentsAsync();
        Assert.Contains(reasons, r => r.StartsWith("suspect-word:", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r == "chat-link:t.me");
        Assert.Contains(reasons, r => r.StartsWith("language-mismatch:zh", StringComparison.Ordinal));

        for (var presses = 0; presses < 50 && await item.GetAttributeAsync("class") is { } classes && !classes.Contains("is-current", StringComparison.Ordinal); presses++)
        {
            await queue.Keyboard.PressAsync("j");
        }
        await Assertions.Expect(item).ToBeFocusedAsync();
        await queue.Keyboard.PressAsync("a");

        await Assertions.Expect(item).ToHaveCountAsync(0);
        await Assertions.Expect(queue.Locator("#queue-live")).ToHaveTextAsync("Approved the comment by 读书会.");

        // Readers see it now, counted.
        await readerPage.ReloadAsync();
        await Assertions.Expect(readerPage.Locator($"#comment-{id} .comment-body")).ToContainTextAsync("捐款收据");
        Assert.Equal(before + 1, (await readerPage.DiscussionCountsAsync()).Comments);
    }

    [Fact]
    public async Task QueueAndMetricsPagesHaveNoAxeViolations()
    {
        var moderator = await NewsroomStaff.CreateAsync(site, Roles.Moderator, "Axe moderator");
        await using var staff = await site.ContextAsync(moderator, ColorScheme.Dark);
        var queue = await staff.OpenAsync("/moderation");
        // The demo site's late arrivals are held by the checks: the queue has items to check.
        await Assertions.Expect(queue.Locator(".queue-item").First).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoViolationsAsync(queue);

        var metrics = await staff.OpenAsync("/moderation/metrics");
        await AccessibilityTests.AssertNoViolationsAsync(metrics);
    }

    [GeneratedRegex(@"/comments/(?<id>\d+)/held\?k=")]
    private static partial Regex HeldPage();
}
