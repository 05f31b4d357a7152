using Byline.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>The page's own stylesheet and script arrive whole, with their types, and nothing is refused by the CSP.</summary>
[Collection(SharedBrowser.Name)]
public sealed class AssetTests(BylineSite site)
{
    [Fact]
    public async Task StoryLoadsItsStylesheetAndScriptWithoutErrors()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var assets = new List<IResponse>();
        var errors = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType is "stylesheet" or "script")
            {
                assets.Add(response);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(BylineSite.DemoStoryPath, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Contains(assets, a => a.Request.ResourceType == "stylesheet");
        Assert.Contains(assets, a => a.Request.ResourceType == "script");
        foreach (var asset in assets)
        {
            Assert.Equal(200, asset.Status);
            var type = await asset.HeaderValueAsync("content-type") ?? "";
            Assert.True(type.StartsWith(asset.Request.ResourceType == "stylesheet" ? "text/css" : "text/javascript", StringComparison.Ordinal),
                $"{asset.Url} has Content-Type \"{type}\"");
            Assert.True((await asset.BodyAsync()).Length > 0, $"{asset.Url} is empty");
        }
        Assert.True(errors.Count == 0, "The browser reported: " + string.Join(" | ", errors));
        Assert.True(await page.EvaluateAsync<int>("() => document.styleSheets[0].cssRules.length") > 0, "the stylesheet applies");
    }
}
