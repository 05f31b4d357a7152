using System.Globalization;
using System.Text;
using Byline.BrowserTests.Infrastructure;
using Byline.Data.Accounts;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>axe-core finds no violations on the newsroom's pages, light and dark, including the editor showing errors.</summary>
[Collection(SharedBrowser.Name)]
public sealed class NewsroomAccessibilityTests(BylineSite site)
{
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task NewsroomPagesHaveNoAxeViolations(ColorScheme colorScheme)
    {
        var editor = await NewsroomStaff.CreateAsync(site, Roles.Editor, "Aino Virtanen");
        await using var context = await site.ContextAsync(editor, colorScheme);

        var list = await context.OpenAsync("/newsroom");
        await AssertNoViolationsAsync(list);

        var editorPage = await context.OpenAsync("/newsroom/new");
        await AssertNoViolationsAsync(editorPage);

        // The editor after a refused save: errors beside fields and in a summary.
        await editorPage.GetByLabel("Headline").FillAsync("");
        await editorPage.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create draft" }).ClickAsync();
        await Assertions.Expect(editorPage.Locator("#field-headline-error")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(editorPage);

        // An existing story, with its workflow.
        await editorPage.GetByLabel("Headline").FillAsync("A story to check");
        await editorPage.GetByLabel("Section", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "World" });
        await editorPage.GetByLabel("Body").FillAsync("Some text.");
        await editorPage.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create draft" }).ClickAsync();
        await Assertions.Expect(editorPage.Locator(".workflow")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(editorPage);
        await editorPage.ScreenshotAsync(new PageScreenshotOptions { Path = $"/tmp/newsroom-story-{colorScheme}.png", FullPage = true });
    }

    [Fact]
    public async Task TheEditorFitsAPhoneScreen()
    {
        var writer = await NewsroomStaff.CreateAsync(site, Roles.Writer, "Tomás Ruiz");
        await using var context = await site.NewContextAsync(width: 390);
        await context.SetExtraHTTPHeadersAsync([new("Authorization", $"Bearer {writer.Token}")]);
        var page = await context.OpenAsync("/newsroom/new");

        var overflow = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth");

        Assert.True(overflow <= 0, $"The editor is {overflow}px wider than a 390px screen.");
        await AssertNoViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/newsroom-phone.png", FullPage = true });
        var list = await context.OpenAsync("/newsroom");
        Assert.True(await list.EvaluateAsync<int>("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth") <= 0);
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxeAsync();
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"axe found {result.Violations.Length} violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target}: {node.Html}");
            }
        }
        Assert.True(result.Violations.Length == 0, text.ToString());
    }
}
