using System.Globalization;
using Byline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Byline.BrowserTests;

/// <summary>A guest joins the discussion in a browser with JavaScript on (the page's script enhances replying and paging).</summary>
[Collection(SharedBrowser.Name)]
public sealed class PostingTests(BylineSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task GuestPostsCommentAndLandsOnIt()
    {
        var (path, _) = await site.AddStoryWithCommentAsync("guest-comment");
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync(path);
        var (before, _) = await page.DiscussionCountsAsync();

        var id = await page.PostCommentAsync(page.Locator("form#comment-form"), "Mira Castell", "Good to see this settled at last.");

        var comment = page.Locator($"#comment-{id}");
        await Assertions.Expect(comment).ToBeVisibleAsync();
        await Assertions.Expect(comment.Locator(":scope > header .comment-author")).ToHaveTextAsync("Mira Castell");
        await Assertions.Expect(comment.Locator(":scope > .comment-body")).ToHaveTextAsync("Good to see this settled at last.");
        Assert.Equal(1, await page.Locator($"#threads > li > #comment-{id}").CountAsync());
        Assert.Equal(before + 1, (await page.DiscussionCountsAsync()).Comments);
    }

    [Fact]
    public async Task GuestRepliesAndTheReplyIsThreadedUnderItsParent()
    {
        var (path, parentId) = await site.AddStoryWithCommentAsync("guest-reply");
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync(path);
        var (before, _) = await page.DiscussionCountsAsync();

        await page.Locator($"#comment-{parentId} > .comment-actions .comment-reply").ClickAsync();
        // With the discussion script the form moves under the comment; without it the link opens the reply page.
        // Either way one visible form now answers that comment.
        var form = page.Locator("form.comment-form:visible");
        await Assertions.Expect(form.Locator("input[name=ParentId]")).ToHaveValueAsync(parentId.ToString(CultureInfo.InvariantCulture));
        if (page.Url.Contains("/reply/", StringComparison.Ordinal))
        {
            output.WriteLine("Reply opened the reply page (no in-place reply script).");
        }
        else
        {
            output.WriteLine("Reply moved the form under the comment.");
            Assert.Equal(1, await page.Locator($"#comment-{parentId} form#comment-form").CountAsync());
            await Assertions.Expect(form.Locator("#comment-form-heading")).ToHaveTextAsync("Reply to Harriet Colebrook");
            await Assertions.Expect(form.GetByLabel("Comment", new LocatorGetByLabelOptions { Exact = true })).ToBeFocusedAsync();
        }
        var id = await page.PostCommentAsync(form, "Jonas Mehl", "Replying to the first comment.");

        var reply = page.Locator($"#comment-{parentId} ol.replies #comment-{id}");
        await Assertions.Expect(reply).ToBeVisibleAsync();
        await Assertions.Expect(reply.Locator(":scope > .comment-body")).ToHaveTextAsync("Replying to the first comment.");
        Assert.Equal(0, await page.Locator($"#threads > li > #comment-{id}").CountAsync());
        Assert.Equal(before + 1, (await page.DiscussionCountsAsync()).Comments);
    }

    [Fact]
    public async Task CancellingAReplyPutsTheFormBackForANewThread()
    {
        var (path, parentId) = await site.AddStoryWithCommentAsync("cancel-reply");
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync(path);
        await page.Locator($"#comment-{parentId} > .comment-actions .comment-reply").ClickAsync();
        var form = page.Locator("form.comment-form:visible");
        await Assertions.Expect(form.Locator("input[name=ParentId]")).ToHaveValueAsync(parentId.ToString(CultureInfo.InvariantCulture));

        var cancel = form.Locator(".cancel-reply");
        await cancel.ClickAsync();

        await page.WaitForURLAsync($"**{path}*");
        form = page.Locator("form#comment-form:visible");
        await Assertions.Expect(form.Locator("input[name=ParentId]")).ToHaveValueAsync("");
        await Assertions.Expect(form.Locator("#comment-form-heading")).ToHaveTextAsync("Join the discussion");
        Assert.Equal(0, await page.Locator("article.comment form#comment-form").CountAsync());
        var id = await page.PostCommentAsync(form, "Anna Lisowska", "A new thread after all.");
        Assert.Equal(1, await page.Locator($"#threads > li > #comment-{id}").CountAsync());
    }

    [Fact]
    public async Task MoreCommentsAppendsTheNextPageOfThreads()
    {
        var (path, ids) = await site.AddStoryAsync("more-comments", comments: 23);
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync(path);
        var threads = page.Locator("#threads > li > article.comment");
        Assert.Equal(20, await threads.CountAsync());
        Assert.Equal((23, 0), await page.DiscussionCountsAsync());

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "More comments" }).ClickAsync();

        // In place with the script (the story stays open), or the next page of the discussion without it.
        await Assertions.Expect(page.Locator($"#comment-{ids[0]}")).ToBeVisibleAsync();
        var shown = await threads.EvaluateAllAsync<string[]>("items => items.map(item => item.id)");
        if (new Uri(page.Url).AbsolutePath == path)
        {
            output.WriteLine("More comments appended in place.");
            Assert.Equal(ids.Reverse().Select(id => $"comment-{id}"), shown);
            Assert.Equal(0, await page.Locator("a.more-comments").CountAsync());
        }
        else
        {
            output.WriteLine("More comments opened the next page.");
            Assert.Equal(ids.Take(3).Reverse().Select(id => $"comment-{id}"), shown);
        }
    }
}
