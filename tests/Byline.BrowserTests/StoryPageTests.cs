using Byline.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class StoryPageTests(BylineSite site)
{
    [Fact]
    public async Task ReaderSeesEveryElementOfTheStory()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync(BylineSite.DemoStoryPath);

        await StoryAnatomy.AssertAsync(page);
    }

    [Fact]
    public async Task BylineLeadsToTheWritersPage()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync(BylineSite.DemoStoryPath);

        await page.Locator(".byline").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Ingrid Halvorsen" }).ClickAsync();

        await page.WaitForURLAsync("**/writers/ingrid-halvorsen");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToContainTextAsync("Ingrid Halvorsen");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = StoryAnatomy.Headline })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task FrontPageLeadsToTheStory()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync("/");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = StoryAnatomy.Headline }).ClickAsync();

        await page.WaitForURLAsync("**" + BylineSite.DemoStoryPath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync(StoryAnatomy.Headline);
    }

    [Theory]
    [InlineData(BylineSite.DemoStoryPath)]
    [InlineData(BylineSite.ChineseStoryPath)]
    [InlineData("/")]
    public async Task PageFitsA360PixelPhoneWithoutSidewaysScrolling(string path)
    {
        await using var context = await site.NewContextAsync(width: 360);
        var page = await context.OpenAsync(path);

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= clientWidth, $"{path} is {scrollWidth}px wide in a {clientWidth}px viewport");
    }
}
