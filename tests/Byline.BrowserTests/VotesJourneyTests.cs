using System.Globalization;
using System.Text.RegularExpressions;
using Byline.BrowserTests.Infrastructure;
using Byline.Data.Accounts;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>
/// Votes, sorting and featuring in a real browser: a signed-in reader votes and sees the score and the pressed button
/// (also after a reload), changes the order of the discussion, and an editor features a thread that then carries a badge.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class VotesJourneyTests(BylineSite site)
{
    [Fact]
    public async Task AReaderVotesAndSortsAndAnEditorFeaturesAThreadAllAccessible()
    {
        var (path, ids) = await site.AddStoryAsync("votes-journey", comments: 3);
        var editor = await NewsroomStaff.CreateAsync(site, Roles.Editor, "Editor");
        await using var context = await site.ContextAsync(editor);
        var page = await context.OpenAsync(path);
        var second = page.Locator($"#comment-{ids[1]}");

        var up = second.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Vote up the comment by Harriet Colebrook" });
        await Assertions.Expect(up).ToBeVisibleAsync();
        await Assertions.Expect(second.Locator("a.comment-vote")).ToBeHiddenAsync();
        await up.ClickAsync();
        await Assertions.Expect(up).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(second.Locator(".comment-score")).ToHaveTextAsync("1 point");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "byline-votes-story.png"), FullPage = true });
        await AccessibilityTests.AssertNoViolationsAsync(page);

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"#comment-{ids[1]} button.vote-up")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator($"#comment-{ids[1]} .comment-score")).ToHaveTextAsync("1 point");

        // Most voted first: the voted comment heads the list, though it is not the newest.
        await page.Locator(".sort-control").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Most voted" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("sort=top"));
        await Assertions.Expect(page.Locator("#threads > li > article").First).ToHaveIdAsync($"comment-{ids[1]}");
        await Assertions.Expect(page.Locator(".sort-control [aria-current=true]")).ToHaveTextAsync("Most voted");

        // The editor features the oldest thread from its vote page; back on the story it heads the picks with a badge.
        var vote = await context.OpenAsync($"/comments/{ids[0]}/vote");
        await vote.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Feature this thread" }).ClickAsync();
        await Assertions.Expect(vote).ToHaveURLAsync(new Regex("#comment-"));
        var story = await context.OpenAsync(path + "?sort=newest");
        var pick = story.Locator($".editors-picks #comment-{ids[0]}");
        await Assertions.Expect(pick.Locator(".featured-badge")).ToHaveTextAsync("Featured");
        await Assertions.Expect(story.Locator(".editors-picks .picks-label")).ToHaveTextAsync("Editor’s picks");
        await story.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "byline-votes-picks.png"), FullPage = true });
        await AccessibilityTests.AssertNoViolationsAsync(story);
        await AccessibilityTests.AssertNoViolationsAsync(vote);
        Assert.Equal(ids[0].ToString(CultureInfo.InvariantCulture), (await story.Locator(".editors-picks article").First.GetAttributeAsync("id"))!["comment-".Length..]);
    }

    [Fact]
    public async Task AGuestsSortChoiceIsRememberedInTheBrowser()
    {
        var (path, ids) = await site.AddStoryAsync("votes-guest-sort", comments: 3);
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync(path);
        await Assertions.Expect(page.Locator($"#comment-{ids[0]} a.comment-vote")).ToBeVisibleAsync();
        await page.Locator(".sort-control").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Oldest" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("sort=oldest"));

        var again = await context.OpenAsync(path);

        await Assertions.Expect(again.Locator(".thread-list")).ToHaveAttributeAsync("data-sort", "oldest");
        await Assertions.Expect(again.Locator("#threads > li > article").First).ToHaveIdAsync($"comment-{ids[0]}");
        await Assertions.Expect(again.Locator(".sort-control [aria-current=true]")).ToHaveTextAsync("Oldest");
    }
}
