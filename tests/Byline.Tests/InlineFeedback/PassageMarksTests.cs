using AngleSharp.Html.Parser;
using Byline.Web.Articles;
using Byline.Web.InlineFeedback;
using static Byline.Web.InlineFeedback.PassageMarks;

namespace Byline.Tests.InlineFeedback;

public sealed class PassageMarksTests
{
    private readonly ArticleRenderer renderer = new();

    private static Highlight At(string text, string words, int count = 1, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = text.IndexOf(words, start + 1, StringComparison.Ordinal);
        }
        Assert.True(start >= 0, $"'{words}' is not in the text");
        return new Highlight(start, start + words.Length, PassageIds.Key(start, start + words.Length), count);
    }

    /// <summary>What each passage's marks read, joined, as a browser would see them.</summary>
    private static Dictionary<string, string> MarkedText(string html)
    {
        var document = new HtmlParser().ParseDocument("<div id=\"story-body\">" + html + "</div>");
        var result = new Dictionary<string, string>();
        foreach (var mark in document.QuerySelectorAll("mark.passage"))
        {
            foreach (var key in mark.GetAttribute("data-passages")!.Split(' '))
            {
                result[key] = result.GetValueOrDefault(key, "") + mark.TextContent;
            }
        }
        return result;
    }

    public static TheoryData<string, string[]> Bodies => new()
    {
        { "The levy was agreed after a long night.\n\nDelegates left at dawn.", ["agreed after", "long night.\nDelegates left"] },
        { "A *very* **bold** [linked words](https://example.com) move.", ["very bold linked", "linked words", "words) move"[..5]] },
        { "香港的天气很好，我们去公园散步吧。\n\n今天🎉很开心！", ["天气很好", "散步吧。\n今天🎉", "🎉很"] },
        { "| a | b |\n|---|---|\n| one cell | two cell |\n", ["one cell", "cell | two"[..4]] },
        { "- first item\n- second item\n", ["first item\nsecond"] },
        { "مرحبا بالعالم، هذا نص عربي.", ["بالعالم، هذا"] },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void MarkingNeverChangesTheTextAndEachPassageReadsItsWords(string markdown, string[] passages)
    {
        var html = renderer.Render(markdown);
        var text = StoryText.Of(html);
        var highlights = passages.Select(p => At(text, p)).ToList();

        var marked = Apply(html, highlights);

        Assert.Equal(text, StoryText.Of(marked));
        var read = MarkedText(marked);
        foreach (var highlight in highlights)
        {
            // Whitespace between blocks is left unmarked; every word of the passage is marked.
            Assert.Equal(text[highlight.Start..highlight.End].Replace("\n", "", StringComparison.Ordinal), read[highlight.Key]);
        }
    }

    [Fact]
    public void OverlappingAndNestedPassagesShareMarksAndEachGetsOneCountAndOneTarget()
    {
        var html = renderer.Render("The harbour levy was agreed after a long night of talks.");
        var text = StoryText.Of(html);
        var outer = At(text, "harbour levy was agreed after a long", 3);
        var inner = At(text, "agreed", 1);
        var overlapping = At(text, "long night of", 2);

        var marked = Apply(html, [outer, inner, overlapping]);
        var document = new HtmlParser().ParseDocument(marked);

        Assert.Equal(text, StoryText.Of(marked));
        var overlap = document.QuerySelectorAll("mark.passage-overlap").Select(m => m.TextContent).ToList();
        Assert.Equal(["agreed", "long"], overlap);
        foreach (var highlight in new[] { outer, inner, overlapping })
        {
            Assert.Single(document.QuerySelectorAll($"#{PassageIds.Highlight(highlight.Key)}"));
            var count = Assert.Single(document.QuerySelectorAll($"a.passage-count[data-passage='{highlight.Key}']"));
            Assert.Equal(highlight.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), count.TextContent);
            Assert.Equal("#" + PassageIds.Feedback(highlight.Key), count.GetAttribute("href"));
        }
    }

    [Fact]
    public void CountOfAPassageEndingInsideALinkGoesAfterTheLinkSoLinksNeverNest()
    {
        var html = renderer.Render("Read [the full report here](https://example.com/report) today.");
        var text = StoryText.Of(html);

        var marked = Apply(html, [At(text, "full report")]);

        var document = new HtmlParser().ParseDocument(marked);
        Assert.Empty(document.QuerySelectorAll("a a"));
        var link = document.QuerySelector("a[href='https://example.com/report']")!;
        Assert.Equal("passage-count", link.NextElementSibling?.ClassName);
        Assert.Equal(text, StoryText.Of(marked));
    }

    [Fact]
    public void NoHighlightsLeavesTheHtmlUntouched()
    {
        var html = renderer.Render("Plain.");
        Assert.Same(html, Apply(html, []));
    }
}
