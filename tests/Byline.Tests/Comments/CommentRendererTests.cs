using AngleSharp.Dom;
using Byline.Tests.Infrastructure;
using Byline.Web.Comments;

namespace Byline.Tests.Comments;

public sealed class CommentRendererTests
{
    private static readonly CommentRenderer Renderer = new();

    private static IElement Render(string markdown)
    {
        var html = Renderer.Render(markdown);
        var document = Http.Parse($"<!DOCTYPE html><html><body><div id=\"c\">{html}</div></body></html>");
        return document.GetElementById("c")!;
    }

    private static void AssertOnlySafeElements(IElement root)
    {
        string[] allowed = ["P", "BR", "EM", "STRONG", "DEL", "CODE", "PRE", "BLOCKQUOTE", "UL", "OL", "LI", "A"];
        foreach (var element in root.QuerySelectorAll("*"))
        {
            Assert.Contains(element.TagName, allowed);
            foreach (var attribute in element.Attributes)
            {
                Assert.True(attribute.Name is "href" or "rel", $"<{element.LocalName} {attribute.Name}> should not be kept");
            }
        }
        foreach (var link in root.QuerySelectorAll("a[href]"))
        {
            var href = link.GetAttribute("href")!;
            Assert.True(href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("https://", StringComparison.Ordinal)
                || href.StartsWith("mailto:", StringComparison.Ordinal), $"unsafe link {href}");
        }
    }

    [Fact]
    public void EmphasisStrongStrikethroughAndCodeRender()
    {
        var html = Render("*soft* **loud** ~~gone~~ `x < y`");

        Assert.Equal("soft", html.QuerySelector("p > em")?.TextContent);
        Assert.Equal("loud", html.QuerySelector("p > strong")?.TextContent);
        Assert.Equal("gone", html.QuerySelector("p > del")?.TextContent);
        Assert.Equal("x < y", html.QuerySelector("p > code")?.TextContent);
    }

    [Fact]
    public void CodeBlockRendersAsPreformattedCode()
    {
        var html = Render("```\nvar a = \"<b>\";\n```");

        Assert.Equal("var a = \"<b>\";\n", html.QuerySelector("pre > code")?.TextContent);
        Assert.Null(html.QuerySelector("b"));
    }

    [Fact]
    public void QuotesAndListsRender()
    {
        var html = Render("> quoted words\n\n- one\n- two\n\n1. first\n2. second");

        Assert.Equal("quoted words", html.QuerySelector("blockquote > p")?.TextContent);
        Assert.Equal(["one", "two"], html.QuerySelectorAll("ul > li").Select(li => li.TextContent));
        Assert.Equal(["first", "second"], html.QuerySelectorAll("ol > li").Select(li => li.TextContent));
    }

    [Theory]
    [InlineData("[the report](https://example.com/report)", "https://example.com/report", "the report")]
    [InlineData("see https://example.com/page now", "https://example.com/page", "https://example.com/page")]
    [InlineData("[plain](http://example.org/)", "http://example.org/", "plain")]
    public void LinksCarryNofollowUgcNoopener(string markdown, string href, string text)
    {
        var link = Render(markdown).QuerySelector("a");

        Assert.NotNull(link);
        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal(text, link.TextContent);
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
    }

    [Fact]
    public void ImagesBecomeLinks()
    {
        var html = Render("look ![a cat](https://example.com/cat.png)");

        Assert.Null(html.QuerySelector("img"));
        var link = html.QuerySelector("a");
        Assert.Equal("https://example.com/cat.png", link?.GetAttribute("href"));
        Assert.Equal("a cat", link?.TextContent);
        Assert.Equal("nofollow ugc noopener", link?.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("# Big news", "# Big news")]
    [InlineData("### Smaller news", "### Smaller news")]
    [InlineData("Title\n=====", "Title\n=====")]
    [InlineData("Title\n-----", "Title\n-----")]
    public void HeadingsRenderAsText(string markdown, string text)
    {
        var html = Render(markdown);

        Assert.Empty(html.QuerySelectorAll("h1, h2, h3, h4, h5, h6, hr"));
        Assert.Equal(text, html.TextContent.Trim());
    }

    [Theory]
    [InlineData("<b>bold</b> and <i>italic</i>")]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>")]
    [InlineData("<div onclick=\"steal()\">hi</div>")]
    [InlineData("<style>body{display:none}</style>")]
    public void RawHtmlIsShownAsTextNotInterpreted(string markdown)
    {
        var html = Render(markdown);

        AssertOnlySafeElements(html);
        Assert.Empty(html.QuerySelectorAll("script, img, iframe, style, div, b, i"));
        Assert.Equal(markdown, html.TextContent.Trim());
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    public void DangerousLinksAreNeutralised(string markdown)
    {
        var html = Render(markdown);

        AssertOnlySafeElements(html);
        Assert.Empty(html.QuerySelectorAll("img"));
        Assert.All(html.QuerySelectorAll("[href]"), a => Assert.StartsWith("http", a.GetAttribute("href")!, StringComparison.Ordinal));
    }

    [Fact]
    public void UnicodeTextSurvivesRendering()
    {
        var html = Render("مرحبا 你好 がっこう 👨‍👩‍👧‍👦");

        Assert.Equal("مرحبا 你好 がっこう 👨‍👩‍👧‍👦", html.QuerySelector("p")?.TextContent);
    }

    [Theory]
    [InlineData(200, '[')]
    [InlineData(500, '>')]
    [InlineData(3000, '*')]
    public void AbsurdlyDeepNestingIsShownAsText(int count, char c)
    {
        var markdown = new string(c, count) + " and some words";

        var html = Render(markdown);

        AssertOnlySafeElements(html);
        Assert.Contains("and some words", html.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void DeeplyNestedListsRenderWithoutFailing()
    {
        var html = Render(string.Concat(Enumerable.Repeat("- ", 500)) + "deep\n\nSecond paragraph.");

        AssertOnlySafeElements(html);
        Assert.Contains("Second paragraph.", html.TextContent, StringComparison.Ordinal);
    }
}
