using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Byline.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>Text typed into the form comes back as the reader wrote it, normalized to NFC, with RTL text in an auto-direction container.</summary>
[Collection(SharedBrowser.Name)]
public sealed class UnicodeTests(BylineSite site)
{
    // Chinese, traditional Chinese, Arabic, an emoji ZWJ sequence with a skin tone, and "e" + combining acute (NFD).
    private const string Typed = "测试 農場 مرحبا بالعالم \U0001F469\U0001F3FD\u200D\U0001F52C e\u0301";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CommentInManyScriptsRoundTripsAsNfc(bool javaScript)
    {
        var expected = Typed.Normalize(NormalizationForm.FormC);
        Assert.NotEqual(Typed, expected);
        Assert.EndsWith(" \u00e9", expected, StringComparison.Ordinal);
        var (path, _) = await site.AddStoryWithCommentAsync("unicode");
        await using var context = await site.NewContextAsync(javaScript);
        var page = await context.OpenAsync(path);

        var id = await page.PostCommentAsync(page.Locator("form#comment-form"), "ليلى", Typed);

        var comment = page.Locator($"#comment-{id}");
        var body = comment.Locator(":scope > .comment-body");
        Assert.Equal(expected, (await body.TextContentAsync())?.Trim());
        Assert.Equal("auto", await body.GetAttributeAsync("dir"));
        Assert.Equal(0, await body.Locator("[dir]").CountAsync());
        var author = comment.Locator(":scope > header .comment-author");
        Assert.Equal("ليلى", (await author.TextContentAsync())?.Trim());
        Assert.Equal("auto", await author.GetAttributeAsync("dir"));

        using var stored = await site.Api.GetAsync($"api/v1/comments/{id.ToString(CultureInfo.InvariantCulture)}");
        var json = await stored.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected, json.GetProperty("body").GetString());
    }
}
