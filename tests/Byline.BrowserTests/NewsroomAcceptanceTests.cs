using System.Text.Json;
using System.Text.RegularExpressions;
using Byline.BrowserTests.Infrastructure;
using Byline.Data.Accounts;
using Microsoft.Playwright;
using SkiaSharp;

namespace Byline.BrowserTests;

/// <summary>
/// The newsroom's acceptance, end to end in Chromium through the real sign-in pages: a writer and an editor take a
/// story from nothing to published with an image, a citation and a correction, and an anonymous reader sees it all.
/// Only what a newsroom already has is arranged on the server: the two staff accounts.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class NewsroomAcceptanceTests(BylineSite site)
{
    private const string Quote = "We will run the boats every night the sea allows.";
    private const string Attribution = "— Maren Solberg, harbour master";
    private const string Citation = "The Harbour Ledger. (November 19, 2026). Ferry operator confirms winter timetable.";
    private const string CorrectionText = "An earlier version of this story gave the departure time as 10 p.m. The first boat leaves at 11 p.m.";

    [Fact]
    public async Task WriterAndEditorTakeAStoryFromNothingToPublishedWithAnImageACitationAndACorrection()
    {
        var writer = await NewsroomStaff.CreateAsync(site, Roles.Writer, "Nadia Osei");
        var editor = await NewsroomStaff.CreateAsync(site, Roles.Editor, "Ruth Calder");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var headline = $"Night ferries return to the northern route {suffix}";
        var alt = $"The night ferry leaving Saltby harbour at dusk {suffix}";

        await using var staffContext = await site.NewContextAsync();
        var page = await staffContext.OpenAsync("/account/sign-in");
        await SignInAsync(page, writer);

        // The writer reaches the image library through the newsroom's own navigation.
        await AccountNav(page).GetByRole(AriaRole.Link, new() { Name = "Newsroom" }).ClickAsync();
        await NewsroomNav(page).GetByRole(AriaRole.Link, new() { Name = "Images" }).ClickAsync();
        await page.WaitForURLAsync("**/newsroom/images");
        await page.GetByLabel("Image file").SetInputFilesAsync(new FilePayload { Name = "ferry.jpg", MimeType = "image/jpeg", Buffer = Photo(1600, 1000) });
        await page.GetByLabel("Alt text").FillAsync(alt);
        await page.GetByLabel("Caption").FillAsync("The Northern Star casts off for the first night crossing.");
        await page.GetByLabel("Credit").FillAsync("Ines Moreau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload image" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Image uploaded.");
        await Assertions.Expect(page.Locator(".media-item.is-new .media-alt")).ToHaveTextAsync(alt);
        await page.ScreenshotAsync(new() { Path = "/tmp/acceptance-images.png", FullPage = true });

        // A new story, watched in the live preview as it is written.
        await NewsroomNav(page).GetByRole(AriaRole.Link, new() { Name = "Stories" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New story" }).ClickAsync();
        await page.WaitForURLAsync("**/newsroom/new");
        var preview = page.Locator("#story-preview");
        await page.GetByLabel("Headline").FillAsync(headline);
        await page.GetByLabel("Standfirst").FillAsync("The overnight crossing resumes after four years.");
        await page.GetByLabel("Section", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "World" });
        await page.GetByLabel("Article type").SelectOptionAsync(new SelectOptionValue { Label = "Analysis" });
        await page.GetByLabel("Body").FillAsync($"The first boat leaves at **11 p.m.**\n\n> {Quote}\n>\n> {Attribution}\n\nTickets go on sale on Monday.");
        await page.GetByLabel("Outlet").FillAsync("The Harbour Ledger");
        await page.GetByLabel("Original title").FillAsync("Ferry operator confirms winter timetable");
        await page.GetByLabel("Original date").FillAsync("2026-11-19");
        await page.GetByLabel("URL").FillAsync("https://example.com/ledger/ferries");
        await page.GetByLabel("Lead image").SelectOptionAsync(new SelectOptionValue { Label = alt });

        await Assertions.Expect(preview.Locator("h1")).ToHaveTextAsync(headline);
        await Assertions.Expect(preview.Locator(".kicker")).ToHaveTextAsync("Analysis · World");
        await Assertions.Expect(preview.Locator(".story-body figure.quote blockquote")).ToHaveTextAsync(Quote);
        await Assertions.Expect(preview.Locator(".story-body figure.quote figcaption")).ToHaveTextAsync(Attribution);
        await Assertions.Expect(preview.Locator(".citation")).ToContainTextAsync(Citation);
        await Assertions.Expect(preview.Locator(".byline")).ToContainTextAsync(writer.DisplayName);
        await Assertions.Expect(preview.Locator("figure.lead-image img")).ToHaveAttributeAsync("alt", alt);

        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("Draft created");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToHaveTextAsync("Submitted for review.");
        await Assertions.Expect(page.Locator(".story-status .state-badge")).ToHaveTextAsync("In review");
        await AccountNav(page).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(AccountNav(page).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        // The editor, in the same browser: finds it in review, publishes it, then corrects it.
        await page.GotoAsync("/account/sign-in");
        await SignInAsync(page, editor);
        await AccountNav(page).GetByRole(AriaRole.Link, new() { Name = "Newsroom" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Filter stories" }).GetByRole(AriaRole.Link, new() { Name = "In review" }).ClickAsync();
        await page.WaitForURLAsync("**/newsroom?show=in-review");
        await page.GetByRole(AriaRole.Link, new() { Name = headline }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToHaveTextAsync("Published: the story is public.");
        var status = page.Locator(".story-status");
        await Assertions.Expect(status.GetByRole(AriaRole.Link, new() { Name = "Revisions" })).ToHaveAttributeAsync("href", EndsWith("/revisions"));
        await page.ScreenshotAsync(new() { Path = "/tmp/acceptance-editor.png", FullPage = true });
        var publicPath = await status.GetByRole(AriaRole.Link, new() { Name = "View the public page" }).GetAttributeAsync("href");

        await status.GetByRole(AriaRole.Link, new() { Name = "Corrections and updates" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Correction ") }).CheckAsync();
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync(CorrectionText);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish entry" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Published.");

        // A reader with no account sees everything on the public page.
        await using var readerContext = await site.NewContextAsync();
        var story = await readerContext.OpenAsync(publicPath!);
        await Assertions.Expect(story.Locator("h1")).ToHaveTextAsync(headline);
        await Assertions.Expect(story.Locator(".kicker")).ToHaveTextAsync("Analysis · World");
        Assert.Equal($"Writer: {writer.DisplayName}", await story.Locator(".byline").VisibleTextAsync());
        await Assertions.Expect(story.Locator(".story-body figure.quote figcaption")).ToHaveTextAsync(Attribution);
        await Assertions.Expect(story.Locator(".citation")).ToContainTextAsync(Citation);
        await Assertions.Expect(story.Locator(".citation a")).ToHaveAttributeAsync("href", "https://example.com/ledger/ferries");

        var lead = story.Locator("figure.lead-image img");
        await Assertions.Expect(lead).ToHaveAttributeAsync("alt", alt);
        var loaded = await lead.EvaluateAsync<JsonElement>(
            "img => new Promise(r => { const done = () => r({ width: img.naturalWidth }); img.complete ? done() : img.addEventListener('load', done); })");
        Assert.True(loaded.GetProperty("width").GetInt32() > 0, "The lead image did not load.");
        await Assertions.Expect(story.Locator("figure.lead-image figcaption")).ToContainTextAsync("Ines Moreau");

        var corrections = story.GetByRole(AriaRole.Region, new() { Name = "Corrections and updates" });
        var entry = corrections.Locator("li").First;
        await Assertions.Expect(entry).ToContainTextAsync(CorrectionText);
        Assert.Matches(CorrectionLine(), await entry.VisibleTextAsync());
        await Assertions.Expect(entry.Locator("time")).ToHaveAttributeAsync("datetime", IsoDate());
        await story.ScreenshotAsync(new() { Path = "/tmp/acceptance-public.png", FullPage = true });
    }

    private static ILocator AccountNav(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Account" });

    private static ILocator NewsroomNav(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Newsroom", Exact = true });

    private static async Task SignInAsync(IPage page, NewsroomStaff.Member member)
    {
        await page.GetByLabel("Email").FillAsync(member.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(NewsroomStaff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(AccountNav(page).Locator(".account-name")).ToHaveTextAsync(member.DisplayName);
    }

    private static Regex EndsWith(string suffix) => new($"{Regex.Escape(suffix)}$");

    /// <summary>A real JPEG: a dusk sky over a dark hull, so the re-encoder has something to work on.</summary>
    private static byte[] Photo(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height), [new SKColor(240, 150, 110), new SKColor(40, 60, 120)], SKShaderTileMode.Clamp) })
        using (var hull = new SKPaint { Color = new SKColor(25, 25, 35) })
        {
            canvas.DrawRect(0, 0, width, height, sky);
            canvas.DrawRect(width * 0.25f, height * 0.65f, width * 0.5f, height * 0.12f, hull);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 88);
        return data.ToArray();
    }

    [GeneratedRegex(@"^Corrected [A-Z][a-z]{2,4}\.? \d{1,2}, \d{4}: ")]
    private static partial Regex CorrectionLine();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();
}
