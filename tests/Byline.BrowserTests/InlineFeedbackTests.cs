using System.Globalization;
using Byline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Byline.BrowserTests.InlineFeedbackKit;

namespace Byline.BrowserTests;

/// <summary>
/// Inline feedback in Chromium: a reader selects words of a story and responds to them; the highlight stays on those
/// words through an editor's changes around them and gives way to "Feedback on earlier versions" when the words are
/// rewritten. Also in Chinese with emoji, with the keyboard only, without JavaScript, and on an author's prompt.
/// Stories are published and edited through the newsroom API, so every edit is a revision that the server's own
/// background worker re-anchors; the tests reload until the page shows its work.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class InlineFeedbackTests(BylineSite site)
{
    public const string Body = """
        The harbour council agreed a levy on heavy fuel after a long night of talks. Ships that burn it will pay twelve euros per tonne from March.

        Delegates from the fishing towns left at dawn. "We will not back down," said Mara Quist, who speaks for them.

        The levy funds shore power at the old quay, where ferries now idle for hours.
        """;

    [Fact]
    public async Task ReaderRespondsToASelectedPassageAndItsHighlightFollowsTheEditsUntilThePassageIsRewritten()
    {
        const string words = "shore power at the old quay";
        var editor = await EditorAsync(site);
        var story = await PublishAsync(site, editor, Body);
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync(story.Path);

        Assert.Equal(words, await SelectWithMouseAsync(page, words));
        var respond = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Respond to this passage" });
        await respond.ClickAsync();
        var form = page.Locator("form#comment-form");
        await Assertions.Expect(form.GetByLabel("Comment", new LocatorGetByLabelOptions { Exact = true })).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#comment-form-heading")).ToHaveTextAsync("Respond to a passage");
        await Assertions.Expect(page.Locator("#responding-to blockquote")).ToHaveTextAsync(words);
        var id = await page.PostCommentAsync(form, "Harriet Colebrook", "Which quay is the old one?");

        // Exactly those words are highlighted, with the count right after them.
        var mark = page.Locator("#story-body mark.passage");
        await Assertions.Expect(mark).ToHaveTextAsync(words);
        var count = page.Locator("#story-body a.passage-count");
        await Assertions.Expect(count).ToHaveTextAsync("1");
        await Assertions.Expect(count).ToHaveAttributeAsync("aria-label", "1 response to this passage");
        Assert.True(await mark.EvaluateAsync<bool>("mark => mark.nextSibling.matches('a.passage-count')"), "The count does not follow the highlight.");
        Assert.Equal(1, (await page.DiscussionCountsAsync()).InlineFeedbacks);
        await Assertions.Expect(page.Locator(".discussion-header .feedback-count")).ToHaveTextAsync("1 Inline Feedback");
        var anchor = await AnchorAsync(site, id);
        var text = await TextAsync(site, story);
        Assert.Equal(words, anchor.GetProperty("exact").GetString());
        Assert.Equal(text.IndexOf(words, StringComparison.Ordinal), anchor.GetProperty("start").GetInt32());
        Assert.Equal(story.Revision, anchor.GetProperty("revision").GetInt32());

        // The editor changes the text around the passage: a sentence before it, and the words after it.
        var firstRevision = story.Revision;
        story = await EditBodyAsync(site, editor, story, ("Late on Thursday, after weeks of delay, the vote came. " + Body)
            .Replace("where ferries now idle for hours", "where ferries idle for up to six hours", StringComparison.Ordinal));
        var newText = await TextAsync(site, story);
        Assert.NotEqual(text.IndexOf(words, StringComparison.Ordinal), newText.IndexOf(words, StringComparison.Ordinal));
        // Until the worker has moved it, the passage's old offsets do not read as its words and nothing is drawn.
        await ReloadUntilAsync(page, page.Locator("#story-body mark.passage"), "the highlight after the edit around it");
        await Assertions.Expect(mark).ToHaveTextAsync(words);
        await Assertions.Expect(count).ToHaveTextAsync("1");
        anchor = await AnchorAsync(site, id);
        Assert.Equal("attached", anchor.GetProperty("state").GetString());
        Assert.Equal(newText.IndexOf(words, StringComparison.Ordinal), anchor.GetProperty("start").GetInt32());
        Assert.Equal(0, await page.Locator("#earlier-feedback").CountAsync());

        // The editor rewrites the passage entirely: the feedback is on an earlier version, and no highlight remains.
        story = await EditBodyAsync(site, editor, story, ((string)story.Input["body"]!).Replace(
            "The levy funds shore power at the old quay, where ferries idle for up to six hours.",
            "Half of the money goes to the lifeboat station.", StringComparison.Ordinal));
        var earlier = page.Locator("#earlier-feedback");
        await ReloadUntilAsync(page, earlier, "the feedback on an earlier version");
        await Assertions.Expect(earlier.Locator("h2")).ToHaveTextAsync("Feedback on earlier versions");
        await Assertions.Expect(earlier.Locator(".passage-quote")).ToHaveTextAsync(words);
        await Assertions.Expect(earlier.Locator(".earlier-revision")).ToHaveTextAsync($"On revision {firstRevision.ToString(CultureInfo.InvariantCulture)}");
        await Assertions.Expect(earlier.Locator(".passage-excerpt")).ToHaveTextAsync("Which quay is the old one?");
        await Assertions.Expect(page.Locator("#story-body mark.passage")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#story-body a.passage-count")).ToHaveCountAsync(0);
        Assert.Equal("orphaned", (await AnchorAsync(site, id)).GetProperty("state").GetString());
        // In the discussion the response says which version it was about.
        await Assertions.Expect(page.Locator($"#comment-{id} .comment-passage")).ToContainTextAsync($"On an earlier version (revision {firstRevision})");
    }

    [Fact]
    public async Task APassageInChineseWithEmojiIsStoredAndHighlightedAsExactlyTheSelectedCharacters()
    {
        // Astral characters before the passage (a train, a ZWJ sequence with a skin tone) shift every UTF-16 offset
        // after them by two or more; the passage starts inside a run of Han (no spaces to widen the selection to) and
        // ends on an emoji (a surrogate pair).
        const string body = """
            夜行列车🚄周五晚间恢复运行，👩🏽‍🔬研究人员也在首班车上。

            “我们等了九年🎉，终于又能坐夜车去北方了，”乘客卡琳·沃斯说。
            """;
        const string words = "等了九年🎉";
        var editor = await EditorAsync(site);
        var story = await PublishAsync(site, editor, body, language: "zh-Hans");
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync(story.Path);

        Assert.Equal(words, await SelectWithMouseAsync(page, words));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Respond to this passage" }).ClickAsync();
        await Assertions.Expect(page.Locator("#responding-to blockquote")).ToHaveTextAsync(words);
        var id = await page.PostCommentAsync(page.Locator("form#comment-form"), "卡琳", "九年太久了 😢");

        var text = await TextAsync(site, story);
        var start = text.IndexOf(words, StringComparison.Ordinal);
        var anchor = await AnchorAsync(site, id);
        Assert.Equal(words, anchor.GetProperty("exact").GetString());
        Assert.Equal(start, anchor.GetProperty("start").GetInt32());
        Assert.Equal(start + words.Length, anchor.GetProperty("end").GetInt32());
        Assert.Equal(6, words.Length);
        Assert.EndsWith("“我们", anchor.GetProperty("prefix").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("，终于", anchor.GetProperty("suffix").GetString(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#story-body mark.passage")).ToHaveTextAsync(words);
        await Assertions.Expect(page.Locator("#story-body a.passage-count")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task ASelectionAcrossAnotherHighlightAndItsCountQuotesOnlyTheStorysWords()
    {
        const string words = "heavy fuel after a long night";
        var editor = await EditorAsync(site);
        var story = await PublishAsync(site, editor, Body);
        await RespondAsync(site, story, "levy on heavy fuel", "Which fuels count as heavy?");
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync(story.Path);
        await Assertions.Expect(page.Locator("#story-body a.passage-count")).ToHaveTextAsync("1");

        // The browser's selection runs through the first passage's count ("1"), which is not part of the story.
        Assert.Equal("heavy fuel1 after a long night", await SelectWithMouseAsync(page, words));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Respond to this passage" }).ClickAsync();
        await Assertions.Expect(page.Locator("#responding-to blockquote")).ToHaveTextAsync(words);
        var id = await page.PostCommentAsync(page.Locator("form#comment-form"), "Harriet Colebrook", "How long was the night?");

        Assert.Equal(words, (await AnchorAsync(site, id)).GetProperty("exact").GetString());
        // Two passages now share "heavy fuel"; each has its own count.
        await Assertions.Expect(page.Locator("#story-body mark.passage-overlap")).ToHaveTextAsync("heavy fuel");
        await Assertions.Expect(page.Locator("#story-body a.passage-count")).ToHaveTextAsync(["1", "1"]);
    }

    [Fact]
    public async Task AKeyboardOnlyReaderSelectsRespondsAndReadsTheResponses()
    {
        const string words = "left at dawn";
        var editor = await EditorAsync(site);
        var story = await PublishAsync(site, editor, Body.Replace("The harbour council", "The [harbour council](https://example.com/council)", StringComparison.Ordinal));
        // Chromium's caret browsing (the F7 mode) moves a caret through the page's text with the arrow keys, and
        // Shift+arrows select, as in an editor. Headless Chromium has no F7 prompt, but honours the switch.
        await using var browser = await site.LaunchBrowserAsync("--enable-caret-browsing");
        await using var context = await site.NewContextAsync(browser);
        var page = await context.OpenAsync(story.Path);

        // Tab to the first link in the story, move the caret down to the next paragraph, to its start, then to the words.
        await TabUntilAsync(page, "#story-body a[href='https://example.com/council']");
        var paragraph = "Delegates from the fishing towns left at dawn.";
        for (var i = 0; i < 6 && !await CaretIsInAsync(page, paragraph); i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }
        Assert.True(await CaretIsInAsync(page, paragraph), "The caret did not reach the second paragraph.");
        await page.Keyboard.PressAsync("Home");
        for (var i = 0; i < paragraph.IndexOf(words, StringComparison.Ordinal); i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }
        for (var i = 0; i < words.Length; i++)
        {
            await page.Keyboard.PressAsync("Shift+ArrowRight");
        }
        Assert.Equal(words, await page.EvaluateAsync<string>("() => window.getSelection().toString()"));

        // Tab reaches the respond control; Enter opens the form on the passage.
        var respond = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Respond to this passage" });
        await Assertions.Expect(respond).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(respond).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var comment = page.Locator("form#comment-form").GetByLabel("Comment", new LocatorGetByLabelOptions { Exact = true });
        await Assertions.Expect(comment).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#responding-to blockquote")).ToHaveTextAsync(words);
        await page.Keyboard.TypeAsync("Why so early?");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Name", new PageGetByLabelOptions { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Harriet Colebrook");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"#comment-\d+$"));

        // From the new response, its quote links back to the highlight; the count follows the highlight.
        await TabUntilAsync(page, "article.comment:target .comment-passage a");
        await page.Keyboard.PressAsync("Enter");
        var count = page.Locator("#story-body a.passage-count");
        await Assertions.Expect(page.Locator("#story-body mark.passage")).ToHaveTextAsync(words);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(count).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var popover = page.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { Name = "Responses to this passage" });
        await Assertions.Expect(popover).ToBeVisibleAsync();
        await Assertions.Expect(popover).ToContainTextAsync("Why so early?");
        Assert.True(await popover.EvaluateAsync<bool>("dialog => dialog.contains(document.activeElement)"), "Focus is not inside the responses.");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(popover).ToHaveCountAsync(0);
        await Assertions.Expect(count).ToBeFocusedAsync();
    }

    [Fact]
    public async Task WithoutJavaScriptTheHighlightAndCountAreInThePageAndTheCountLeadsToTheResponses()
    {
        const string words = "left at dawn";
        var editor = await EditorAsync(site);
        var story = await PublishAsync(site, editor, Body);
        await RespondAsync(site, story, words, "Why so early?");
        await using var context = await site.NewContextAsync(javaScript: false);
        var page = await context.OpenAsync(story.Path);

        await Assertions.Expect(page.Locator("#story-body mark.passage")).ToHaveTextAsync(words);
        var count = page.Locator("#story-body a.passage-count");
        await Assertions.Expect(count).ToHaveTextAsync("1");
        var target = await count.GetAttributeAsync("href");
        Assert.StartsWith("#feedback-on-", target, StringComparison.Ordinal);

        await count.ClickAsync();

        await page.WaitForURLAsync($"**{target}");
        var responses = page.Locator(target!);
        await Assertions.Expect(responses).ToBeInViewportAsync();
        await Assertions.Expect(responses.Locator(".passage-quote")).ToHaveTextAsync(words);
        await Assertions.Expect(responses.Locator(".passage-excerpt")).ToHaveTextAsync("Why so early?");
        // And back from the list to the words.
        await responses.Locator(".passage-quote a").ClickAsync();
        await Assertions.Expect(page.Locator("#story-body mark.passage")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task AReaderAnswersAnAuthorPromptAndThePromptPassageIsHighlighted()
    {
        const string passage = "close three branch libraries";
        const string question = "Which branch do you use, and what would you miss?";
        var editor = await EditorAsync(site);
        var story = await PublishAsync(site, editor,
            $"The council plans to {{{{{passage} || {question}}}}} next year.\n\nDelegates from the fishing towns left at dawn.\n");
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync(story.Path);

        // The question follows the paragraph that holds the passage, so the sentence reads on unbroken.
        var marked = page.Locator("#story-body .prompt-passage");
        await Assertions.Expect(marked).ToHaveTextAsync(passage);
        var prompt = page.Locator("#story-body .author-prompt");
        await Assertions.Expect(prompt).ToBeVisibleAsync();
        await Assertions.Expect(prompt).ToContainTextAsync($"The writer asks about “{passage}”: {question}");
        var paragraph = page.Locator("#story-body p:has(.prompt-passage)");
        await Assertions.Expect(paragraph).ToHaveTextAsync($"The council plans to {passage} next year.");
        Assert.True(await paragraph.EvaluateAsync<bool>("p => p.nextElementSibling.matches('.author-prompt')"), "The question does not follow its paragraph.");
        var (paragraphBox, promptBox) = ((await paragraph.BoundingBoxAsync())!, (await prompt.BoundingBoxAsync())!);
        Assert.InRange(promptBox.Y - (paragraphBox.Y + paragraphBox.Height), -1, 40);

        await prompt.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Respond" }).ClickAsync();

        var form = page.Locator("form#comment-form");
        await Assertions.Expect(form.GetByLabel("Comment", new LocatorGetByLabelOptions { Exact = true })).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#comment-form-heading")).ToHaveTextAsync("Respond to a passage");
        await Assertions.Expect(page.Locator("#responding-to blockquote")).ToHaveTextAsync(passage);
        var id = await page.PostCommentAsync(form, "Harriet Colebrook", "The one on Mill Street, for its reading room.");

        var mark = marked.Locator("mark.passage");
        await Assertions.Expect(mark).ToHaveTextAsync(passage);
        await Assertions.Expect(page.Locator("#story-body a.passage-count")).ToHaveTextAsync("1");
        var anchor = await AnchorAsync(site, id);
        Assert.Equal(passage, anchor.GetProperty("exact").GetString());
        Assert.Equal((await TextAsync(site, story)).IndexOf(passage, StringComparison.Ordinal), anchor.GetProperty("start").GetInt32());
    }

    private static Task<bool> CaretIsInAsync(IPage page, string text) =>
        page.EvaluateAsync<bool>("text => window.getSelection().focusNode?.textContent.startsWith(text) === true", text);

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/> (at most 40 times).</summary>
    private static async Task TabUntilAsync(IPage page, string selector)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("selector => document.activeElement?.matches(selector) === true", selector))
            {
                return;
            }
        }
        Assert.Fail($"40 presses of Tab never reached {selector}.");
    }
}
