using System.Text.RegularExpressions;
using Byline.BrowserTests.Infrastructure;
using Byline.Data;
using Byline.Data.Accounts;
using Byline.Data.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task AModeratorClearsTwoHundredHeldCommentsInBulkWithTheKeyboard()
    {
        var (path, _) = await site.AddStoryAsync("bulk-queue", comments: 0);
        var slug = path[(path.LastIndexOf('/') + 1)..];
        long[] held;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
            var articleId = await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            var comments = Enumerable.Range(1, 200).Select(i => new Comment
            {
                ArticleId = articleId,
                AuthorName = $"Visitor {i}",
                BodyMarkdown = $"Held comment {i}.",
                BodyHtml = $"<p>Held comment {i}.</p>",
                CreatedAt = now.AddSeconds(-i),
                StatusChangedAt = now.AddSeconds(-i),
                Status = CommentStatus.Pending,
                Reasons = [new CommentReason { Code = "first-comment", Weight = 1 }],
            }).ToList();
            db.Comments.AddRange(comments);
            await db.SaveChangesAsync();
            held = comments.Select(c => c.Id).ToArray();
        }

        var moderator = await NewsroomStaff.CreateAsync(site, Roles.Moderator, "Bulk moderator");
        await using var staff = await site.ContextAsync(moderator);
        var queue = await staff.OpenAsync($"/moderation?story={slug}");
        for (var batch = 0; batch < 2; batch++)
        {
            await Assertions.Expect(queue.Locator(".queue-item")).ToHaveCountAsync(100);
            await queue.Locator("#select-all").FocusAsync();
            await queue.Keyboard.PressAsync("Space");
            await queue.Keyboard.PressAsync("Shift+A");
            await Assertions.Expect(queue.Locator("#queue-live")).ToHaveTextAsync("Approved 100 comments.");
            await Assertions.Expect(queue.Locator(".queue-item")).ToHaveCountAsync(0);
            var next = queue.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Load the next comments in this queue" });
            await Assertions.Expect(next).ToBeFocusedAsync();
            await queue.Keyboard.PressAsync("Enter");
            await queue.WaitForLoadStateAsync();
        }
        await Assertions.Expect(queue.Locator(".queue-empty")).ToBeVisibleAsync();

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
            Assert.Equal(200, await db.Comments.CountAsync(c => held.Contains(c.Id) && c.Status == CommentStatus.Approved));
            Assert.Equal(200, await db.CommentDecisions.CountAsync(d => held.Contains(d.CommentId) && d.To == CommentStatus.Approved
                && d.Source == DecisionSource.Moderator && d.ActorName == moderator.DisplayName && d.CommentRevision == 1));
            Assert.Equal(200, await db.Articles.Where(a => a.Slug == slug).Select(a => a.CommentCount).SingleAsync());
        }
        await using var readers = await site.NewContextAsync();
        var story = await readers.OpenAsync(path);
        Assert.Equal(200, (await story.DiscussionCountsAsync()).Comments);
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
