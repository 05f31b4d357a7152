using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Byline.BrowserTests.Infrastructure;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>
/// axe-core (all rules it runs by default) finds no violations on the reader's pages. Dark mode is checked on the front
/// and the story page, which between them show every component the other pages reuse.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class AccessibilityTests(BylineSite site)
{
    [Theory]
    [InlineData("/", ColorScheme.Light)]
    [InlineData("/", ColorScheme.Dark)]
    [InlineData(BylineSite.DemoStoryPath, ColorScheme.Light)]
    [InlineData(BylineSite.DemoStoryPath, ColorScheme.Dark)]
    [InlineData(BylineSite.ChineseStoryPath, ColorScheme.Light)]
    [InlineData(BylineSite.DemoStoryPath + "/comments", ColorScheme.Light)]
    [InlineData("/tags/climate", ColorScheme.Light)]
    public async Task PageHasNoAxeViolations(string path, ColorScheme colorScheme)
    {
        await using var context = await site.NewContextAsync(colorScheme: colorScheme);
        var page = await context.OpenAsync(path);

        await AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task ReplyPageHasNoAxeViolations()
    {
        var comments = await site.Api.GetFromJsonAsync<JsonElement>("api/v1/articles/averel-accord-shipping-emissions/comments");
        var id = comments.GetProperty("items")[0].GetProperty("id").GetInt64();
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync($"{BylineSite.DemoStoryPath}/reply/{id}");

        await AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task StoryWithReplyFormOpenHasNoAxeViolations()
    {
        var (path, parentId) = await site.AddStoryWithCommentAsync("axe-reply");
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync(path);
        await page.Locator($"#comment-{parentId} > .comment-actions .comment-reply").ClickAsync();
        await Assertions.Expect(page.Locator("form.comment-form:visible input[name=ParentId]")).ToHaveValueAsync(parentId.ToString(CultureInfo.InvariantCulture));

        await AssertNoViolationsAsync(page);
    }

    internal static async Task AssertNoViolationsAsync(IPage page)
    {
        // Only violations are reported in detail: listing every passing node makes a long page several times slower.
        var result = await page.RunAxeAsync();

        Assert.True(result.Violations.Length == 0, Describe(page.Url, result.Violations));
    }

    private static string Describe(string url, AxeResultItem[] violations)
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"axe found {violations.Length} violation(s) on {url}:");
        foreach (var violation in violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>");
            foreach (var node in violation.Nodes)
            {
                var checks = node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message);
                text.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target}: {string.Join("; ", checks)}");
                text.AppendLine(CultureInfo.InvariantCulture, $"      {node.Html}");
            }
        }
        return text.ToString();
    }
}
