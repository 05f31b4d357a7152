using System.Globalization;
using Byline.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>The story and its discussion with JavaScript off: reading, replying and paging are plain links and forms.</summary>
[Collection(SharedBrowser.Name)]
public sealed class NoJavaScriptTests(BylineSite site)
{
    [Fact]
    public async Task StoryShowsEveryElementWithoutJavaScript()
    {
        await using var context = await site.NewContextAsync(javaScript: false);
        var page = await context.OpenAsync(BylineSite.DemoStoryPath);

        await StoryAnatomy.AssertAsync(page);
    }

    [Fact]
    public async Task ReplyLinkOpensReplyPageAndTheReplyLandsUnderItsParent()
    {
        var (path, parentId) = await site.AddStoryWithCommentAsync("no-js-reply");
        await using var context = await site.NewContextAsync(javaScript: false);
        var page = await context.OpenAsync(path);
        var (before, _) = await page.DiscussionCountsAsync();

        await page.Locator($"#comment-{parentId} > .comment-actions").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Reply to Harriet Colebrook" }).ClickAsync();

        await page.WaitForURLAsync($"**{path}/reply/{parentId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Replying to Harriet Colebrook");
        await Assertions.Expect(page.Locator($".reply-parent #comment-{parentId} .comment-body")).ToHaveTextAsync("The first comment on this story.");
        var form = page.Locator("form#comment-form");
        Assert.Equal(parentId.ToString(CultureInfo.InvariantCulture), await form.Locator("input[name=ParentId]").InputValueAsync());

        var id = await page.PostCommentAsync(form, "Jonas Mehl", "A reply without any script.");

        Assert.StartsWith(site.Address + path.TrimStart('/') + "#comment-", page.Url, StringComparison.Ordinal);
        var reply = page.Locator($"#comment-{parentId} ol.replies #comment-{id}");
        await Assertions.Expect(reply).ToBeVisibleAsync();
        await Assertions.Expect(reply.Locator(":scope > .comment-body")).ToHaveTextAsync("A reply without any script.");
        Assert.Equal(before + 1, (await page.DiscussionCountsAsync()).Comments);
    }

    [Fact]
    public async Task GuestPostsCommentWithoutJavaScript()
    {
        var (path, _) = await site.AddStoryWithCommentAsync("no-js-comment");
        await using var context = await site.NewContextAsync(javaScript: false);
        var page = await context.OpenAsync(path);
        var (before, _) = await page.DiscussionCountsAsync();

        var id = await page.PostCommentAsync(page.Locator("form#comment-form"), "Anna Lisowska", "Posted with scripts off.");

        await Assertions.Expect(page.Locator($"#threads > li > #comment-{id} > .comment-body")).ToHaveTextAsync("Posted with scripts off.");
        Assert.Equal(before + 1, (await page.DiscussionCountsAsync()).Comments);
    }

    [Fact]
    public async Task ViewAllCommentsOpensTheDiscussionPage()
    {
        await using var context = await site.NewContextAsync(javaScript: false);
        var page = await context.OpenAsync(BylineSite.DemoStoryPath);
        var (comments, _) = await page.DiscussionCountsAsync();

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "View all comments" }).ClickAsync();

        await page.WaitForURLAsync($"**{BylineSite.DemoStoryPath}/comments");
        Assert.Equal((comments, 0), await page.DiscussionCountsAsync());
        Assert.Equal(comments, await page.Locator("#threads article.comment").CountAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "← " + StoryAnatomy.Headline })).ToHaveAttributeAsync("href", BylineSite.DemoStoryPath);
    }

    [Fact]
    public async Task MoreCommentsLinkOpensTheNextPageOfThreads()
    {
        var (path, ids) = await site.AddStoryAsync("no-js-more-comments", comments: 23);
        await using var context = await site.NewContextAsync(javaScript: false);
        var page = await context.OpenAsync(path);
        Assert.Equal(20, await page.Locator("#threads > li > article.comment").CountAsync());

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "More comments" }).ClickAsync();

        await page.WaitForURLAsync($"**{path}/comments?after=*");
        var shown = await page.Locator("#threads > li > article.comment").EvaluateAllAsync<string[]>("items => items.map(item => item.id)");
        Assert.Equal(ids.Take(3).Reverse().Select(id => $"comment-{id}"), shown);
        Assert.Equal(0, await page.Locator("a.more-comments").CountAsync());
        Assert.Equal((23, 0), await page.DiscussionCountsAsync());
    }
}
