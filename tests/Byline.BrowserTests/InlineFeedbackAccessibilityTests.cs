using System.Globalization;
using System.Runtime.CompilerServices;
using Byline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Byline.BrowserTests.InlineFeedbackKit;

namespace Byline.BrowserTests;

/// <summary>
/// axe-core finds no violations on inline feedback's interface, light and dark, on a phone and a desktop: a story with
/// every kind of highlight (single, overlapping, an author prompt, feedback on an earlier version), the open responses
/// popover, the respond control under a selection, and the form responding to a passage. Each state is also saved as a
/// screenshot under /tmp/shots-inline/ for a person to look at.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class InlineFeedbackAccessibilityTests(BylineSite site)
{
    private const string Shots = "/tmp/shots-inline";

    private static readonly ConditionalWeakTable<BylineSite, Task<Story>> Stories = [];
    private static readonly ConditionalWeakTable<BylineSite, Task<Story>> StoriesWithEarlierFeedback = [];

    private const string Body = """
        The harbour council agreed a levy on heavy fuel after a long night of talks. Ships that burn it will pay twelve euros per tonne from March.

        Delegates from the fishing towns left at dawn. "We will not back down," said Mara Quist, who speaks for them.

        The council plans to {{close three branch libraries || Which branch do you use, and what would you miss?}} next year.

        The levy funds shore power at the old quay, where ferries now idle for hours.
        """;

    [Theory]
    [InlineData(ColorScheme.Light, 1280)]
    [InlineData(ColorScheme.Dark, 1280)]
    [InlineData(ColorScheme.Light, 390)]
    [InlineData(ColorScheme.Dark, 390)]
    public async Task AStoryWithHighlightsHasNoAxeViolations(ColorScheme colorScheme, int width)
    {
        var story = await SharedStoryAsync(withEarlierFeedback: true);
        await using var context = await site.NewContextAsync(colorScheme: colorScheme, width: width);
        var page = await context.OpenAsync(story.Path);
        await Assertions.Expect(page.Locator("#story-body mark.passage-overlap")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#story-body .prompt-passage mark.passage")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#earlier-feedback")).ToBeVisibleAsync();

        await AccessibilityTests.AssertNoViolationsAsync(page);
        await ShotAsync(page.Locator("article.story"), "story", colorScheme, width);
        Assert.True(await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth") <= 0,
            $"The story is wider than a {width}px screen.");
    }

    [Theory]
    // The two far corners: the whole story above is checked in all four.
    [InlineData(ColorScheme.Light, 1280)]
    [InlineData(ColorScheme.Dark, 390)]
    public async Task TheOpenResponsesPopoverHasNoAxeViolations(ColorScheme colorScheme, int width)
    {
        var story = await SharedStoryAsync(withEarlierFeedback: false);
        await using var context = await site.NewContextAsync(colorScheme: colorScheme, width: width);
        var page = await context.OpenAsync(story.Path);
        await page.Locator("#story-body mark.passage", new PageLocatorOptions { HasTextString = "left at dawn" }).ClickAsync();
        var popover = page.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { Name = "Responses to this passage" });
        await Assertions.Expect(popover).ToContainTextAsync("Why so early?");

        await AccessibilityTests.AssertNoViolationsAsync(page);
        await ShotAsync(page.Locator("#story-body"), "popover", colorScheme, width);
    }

    [Theory]
    // The two far corners: the whole story above is checked in all four.
    [InlineData(ColorScheme.Light, 1280)]
    [InlineData(ColorScheme.Dark, 390)]
    public async Task TheRespondControlUnderASelectionHasNoAxeViolations(ColorScheme colorScheme, int width)
    {
        var story = await SharedStoryAsync(withEarlierFeedback: false);
        await using var context = await site.NewContextAsync(colorScheme: colorScheme, width: width);
        var page = await context.OpenAsync(story.Path);
        Assert.Equal("twelve euros", await SelectWithMouseAsync(page, "twelve euros"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Respond to this passage" })).ToBeVisibleAsync();

        await AccessibilityTests.AssertNoViolationsAsync(page);
        await ShotAsync(page.Locator("#story-body"), "control", colorScheme, width);
    }

    [Theory]
    // The two far corners: the whole story above is checked in all four.
    [InlineData(ColorScheme.Light, 1280)]
    [InlineData(ColorScheme.Dark, 390)]
    public async Task TheFormRespondingToAPassageHasNoAxeViolations(ColorScheme colorScheme, int width)
    {
        var story = await SharedStoryAsync(withEarlierFeedback: false);
        await using var context = await site.NewContextAsync(colorScheme: colorScheme, width: width);
        var page = await context.OpenAsync(story.Path);
        Assert.Equal("twelve euros", await SelectWithMouseAsync(page, "twelve euros"));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Respond to this passage" }).ClickAsync();
        await Assertions.Expect(page.Locator("#comment-form-heading")).ToHaveTextAsync("Respond to a passage");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Respond to the whole story instead" })).ToBeVisibleAsync();

        await AccessibilityTests.AssertNoViolationsAsync(page);
        await ShotAsync(page.Locator("form#comment-form"), "form", colorScheme, width);
    }

    /// <summary>
    /// The story of <see cref="StoryWithHighlightsAsync"/>, made once per running site and read by every test that asks for
    /// the same kind: the tests only look (select, open the popover or the form, never post), so none changes what
    /// another sees, and the background worker is waited for once instead of in each test.
    /// </summary>
    private Task<Story> SharedStoryAsync(bool withEarlierFeedback) =>
        (withEarlierFeedback ? StoriesWithEarlierFeedback : Stories).GetValue(site, _ => StoryWithHighlightsAsync(withEarlierFeedback));

    /// <summary>
    /// A story with a single highlight, two overlapping ones, an answered author prompt and, when asked, a response
    /// whose passage an editor then rewrote (it waits for the background worker to orphan it).
    /// </summary>
    private async Task<Story> StoryWithHighlightsAsync(bool withEarlierFeedback)
    {
        var editor = await EditorAsync(site);
        var story = await PublishAsync(site, editor, Body);
        await RespondAsync(site, story, "levy on heavy fuel", "Which fuels count as heavy?");
        await RespondAsync(site, story, "heavy fuel after a long night", "How long was the night?");
        await RespondAsync(site, story, "left at dawn", "Why so early?");
        await RespondAsync(site, story, "close three branch libraries", "The one on Mill Street.");
        if (!withEarlierFeedback)
        {
            return story;
        }
        var orphan = await RespondAsync(site, story, "shore power at the old quay", "Which quay is the old one?");
        story = await EditBodyAsync(site, editor, story, Body.Replace(
            "The levy funds shore power at the old quay, where ferries now idle for hours.", "Half of the money goes to the lifeboat station.", StringComparison.Ordinal));
        var deadline = DateTime.UtcNow + WorkerTimeout;
        while ((await AnchorAsync(site, orphan)).GetProperty("state").GetString() != "orphaned")
        {
            Assert.True(DateTime.UtcNow < deadline, "The rewritten passage's feedback was never orphaned.");
            // The pace of polling the API, not a condition: the loop ends on the anchor's state.
            await Task.Delay(250);
        }
        return story;
    }

    private static async Task ShotAsync(ILocator what, string name, ColorScheme colorScheme, int width)
    {
        Directory.CreateDirectory(Shots);
        var file = $"{name}-{colorScheme.ToString().ToLowerInvariant()}-{width.ToString(CultureInfo.InvariantCulture)}.png";
        await what.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Shots, file) });
    }
}
