using System.Text.RegularExpressions;
using Byline.BrowserTests.Infrastructure;
using Byline.Data.Accounts;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>A story from nothing to public in the browser: a writer drafts it with the live preview and submits it; an editor publishes it.</summary>
[Collection(SharedBrowser.Name)]
public sealed partial class NewsroomJourneyTests(BylineSite site)
{
    [Fact]
    public async Task WriterDraftsWithLivePreviewAndSubmitsThenEditorPublishes()
    {
        var writer = await NewsroomStaff.CreateAsync(site, Roles.Writer, "Nadia Osei");
        var editor = await NewsroomStaff.CreateAsync(site, Roles.Editor, "Ruth Calder");
        var headline = $"Night ferries return to the northern route {Guid.NewGuid().ToString("N")[..6]}";

        await using var writerContext = await site.ContextAsync(writer);
        var page = await writerContext.OpenAsync("/newsroom/new");
        await page.GetByLabel("Headline").FillAsync(headline);
        await page.GetByLabel("Standfirst").FillAsync("The overnight crossing resumes after four years.");
        await page.GetByLabel("Section", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "World" });
        await Assertions.Expect(page.Locator("#story-preview h1")).ToHaveTextAsync(headline);

        var body = page.GetByLabel("Body");
        await body.FocusAsync();
        await body.PressSequentiallyAsync("## Back on the water\n\nThe first boat leaves at **11 p.m.**");
        var preview = page.Locator("#story-preview");
        await Assertions.Expect(preview.Locator(".story-body h2")).ToHaveTextAsync("Back on the water");
        await Assertions.Expect(preview.Locator(".story-body strong")).ToHaveTextAsync("11 p.m.");
        await Assertions.Expect(preview.Locator(".byline")).ToContainTextAsync(writer.DisplayName);

        await page.GetByLabel("Outlet").FillAsync("The Harbour Ledger");
        await page.GetByLabel("Original title").FillAsync("Ferry operator confirms winter timetable");
        await page.GetByLabel("Original date").FillAsync("2026-11-19");
        await page.GetByLabel("URL").FillAsync("https://example.com/ledger/ferries");
        await page.GetByLabel("Article type").SelectOptionAsync("Explainer");
        await Assertions.Expect(preview.Locator(".citation")).ToContainTextAsync("The Harbour Ledger. (November 19, 2026). Ferry operator confirms winter timetable.");
        await Assertions.Expect(preview.Locator(".kicker")).ToHaveTextAsync("Explainer · World");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/newsroom-editor.png", FullPage = true });

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create draft" }).ClickAsync();
        await page.WaitForURLAsync(StoryUrl());
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("Draft created");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToHaveTextAsync("Submitted for review.");
        await Assertions.Expect(page.Locator(".story-status .state-badge")).ToHaveTextAsync("In review");

        await using var editorContext = await site.ContextAsync(editor);
        var newsroom = await editorContext.OpenAsync("/newsroom?show=in-review");
        await newsroom.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/newsroom-list.png", FullPage = true });
        await newsroom.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = headline }).ClickAsync();
        await newsroom.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(newsroom.Locator("#notice")).ToHaveTextAsync("Published: the story is public.");
        await newsroom.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/newsroom-published.png", FullPage = true });
        var publicPath = await newsroom.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "View the public page" }).GetAttributeAsync("href");

        await using var readerContext = await site.NewContextAsync();
        var story = await readerContext.OpenAsync(publicPath!);
        await Assertions.Expect(story.Locator("h1")).ToHaveTextAsync(headline);
        await Assertions.Expect(story.Locator(".kicker")).ToHaveTextAsync("Explainer · World");
        await Assertions.Expect(story.Locator(".story-body h2")).ToHaveTextAsync("Back on the water");
        await Assertions.Expect(story.Locator(".byline")).ToContainTextAsync(writer.DisplayName);
        await Assertions.Expect(story.Locator(".citation")).ToContainTextAsync("The Harbour Ledger. (November 19, 2026). Ferry operator confirms winter timetable.");
        await Assertions.Expect(story.Locator(".citation a")).ToHaveAttributeAsync("href", "https://example.com/ledger/ferries");
        await story.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/newsroom-public.png", FullPage = true });
    }

    [GeneratedRegex(@"/newsroom/stories/\d+\?notice=created$")]
    private static partial Regex StoryUrl();
}
