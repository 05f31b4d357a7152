using System.Globalization;
using Byline.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>
/// Every element of a story page's anatomy (DESIGN.md §1), checked on the demo story
/// "Coastal nations sign Averel Accord…", whose discussion is threaded four deep and written in several scripts.
/// </summary>
public static class StoryAnatomy
{
    public const string Headline = "Coastal nations sign Averel Accord on shipping emissions after all-night talks";

    public static async Task AssertAsync(IPage page)
    {
        var story = page.Locator("article.story");

        var headline = page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 });
        Assert.Equal(Headline, await headline.TextAsync());
        Assert.StartsWith("Thirty-eight governments agreed", await story.Locator(".standfirst").TextAsync(), StringComparison.Ordinal);

        var byline = story.Locator(".byline");
        Assert.Equal("Writer: Ingrid Halvorsen and Daniel Achterberg", await byline.TextAsync());
        var writers = byline.Locator("a");
        Assert.Equal(2, await writers.CountAsync());
        Assert.Equal("/writers/ingrid-halvorsen", await writers.Nth(0).GetAttributeAsync("href"));
        Assert.Equal("/writers/daniel-achterberg", await writers.Nth(1).GetAttributeAsync("href"));

        var published = story.Locator(".dateline time.published");
        Assert.Equal("Nov. 22, 2026", await published.TextAsync());
        var datetime = DateTimeOffset.Parse(await published.GetAttributeAsync("datetime") ?? "", CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 6, 15, 0, TimeSpan.Zero), datetime);

        var body = story.Locator(".story-body");
        Assert.True(await body.Locator(":scope > p").CountAsync() >= 5, "the body has its paragraphs");
        Assert.Equal("What the accord does", await body.Locator("h2").First.TextAsync());
        Assert.Equal(4, await body.Locator("ul > li").CountAsync());
        var quote = body.Locator("figure");
        Assert.Equal(1, await quote.Locator("blockquote").CountAsync());
        Assert.StartsWith("We signed because a small fund is better than no fund.", await quote.Locator("blockquote").TextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("— Samira Al-Haddad, Qaderan", await quote.Locator("figcaption").TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(quote).ToBeVisibleAsync();

        var citation = story.Locator(".citation");
        Assert.Equal(
            "Source: The Harbour Ledger. (November 22, 2026). Meridian Summit ends with deal on ship fuel levy.",
            await citation.TextAsync());
        Assert.Equal("https://example.com/harbour-ledger/2026/11/22/meridian-summit-deal", await citation.Locator("a").GetAttributeAsync("href"));
        Assert.Equal("Meridian Summit ends with deal on ship fuel levy", await citation.Locator("cite").TextAsync());

        Assert.StartsWith("Byline paid for its own travel and accommodation at the Meridian Summit.",
            await story.Locator(".disclaimer").TextAsync(), StringComparison.Ordinal);

        var (comments, feedbacks) = await page.DiscussionCountsAsync();
        Assert.Equal($"{comments} Comments · {feedbacks} Inline Feedbacks · View all comments", await page.Locator(".discussion-header").VisibleTextAsync());
        Assert.True(comments >= 21, $"the demo discussion has 21 comments, the header says {comments}");
        Assert.Equal(0, feedbacks);
        var threads = page.Locator("#threads");
        // The demo discussion has 7 threads, so the whole of it is on the first page.
        Assert.Equal(comments, await threads.Locator("article.comment").CountAsync());

        // Threads: ليلى answers Harriet, who answered Jonas, who answered Harriet — four levels deep.
        var deepest = threads.Locator("article.comment ol.replies article.comment ol.replies article.comment ol.replies article.comment")
            .Filter(new LocatorFilterOptions { Has = page.Locator(":scope > header .comment-author", new PageLocatorOptions { HasText = "ليلى" }) });
        Assert.Equal(1, await deepest.CountAsync());
        await Assertions.Expect(deepest).ToBeVisibleAsync();
        var arabic = deepest.Locator(":scope > .comment-body");
        Assert.Equal("auto", await arabic.GetAttributeAsync("dir"));
        Assert.Equal("ar", await arabic.GetAttributeAsync("lang"));

        // Every script of the discussion reaches the page intact.
        var text = await threads.TextContentAsync() ?? "";
        foreach (var fragment in new[] { "小型船舶豁免门槛从2000吨提高到5000吨", "同感です。離島航路を守る", "هذا بالضبط ما قاله وفدنا في القمة", "الحمد لله", "🌍🌊", "🙂", "👍" })
        {
            Assert.Contains(fragment, text, StringComparison.Ordinal);
        }
        await Assertions.Expect(threads.Locator(".comment-body", new LocatorLocatorOptions { HasText = "小型船舶豁免门槛" })).ToBeVisibleAsync();

        // Each comment has an author, a <time>, a permalink to itself and a Reply action.
        var first = threads.Locator(":scope > li > article.comment").First;
        var id = await first.GetAttributeAsync("id") ?? "";
        Assert.Matches("^comment-[0-9]+$", id);
        Assert.False(string.IsNullOrWhiteSpace(await first.Locator(":scope > header .comment-author").TextAsync()));
        var permalink = first.Locator(":scope > header a.comment-permalink");
        Assert.Equal("#" + id, await permalink.GetAttributeAsync("href"));
        Assert.NotNull(await permalink.Locator("time").GetAttributeAsync("datetime"));
        Assert.Equal("Reply", await first.Locator(":scope > .comment-actions .comment-reply").TextAsync());

        await Assertions.Expect(page.Locator("form#comment-form")).ToBeVisibleAsync();
    }
}
