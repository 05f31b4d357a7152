using Byline.Tests.Infrastructure;
using Byline.Web.Articles;

namespace Byline.Tests.Articles;

public sealed class ArticleRendererTests
{
    private static readonly ArticleRenderer Renderer = new();

    private static string Collapse(string html) => string.Join("", html.Split('\n').Select(l => l.Trim()));

    [Fact]
    public void AttributedQuoteRendersAsFigureWithCaption()
    {
        var html = Renderer.Render("> We will not back down.\n>\n> — Jane Doe, Minister of Trade\n");

        Assert.Equal(
            "<figure class=\"quote\"><blockquote><p>We will not back down.</p></blockquote><figcaption>— Jane Doe, Minister of Trade</figcaption></figure>",
            Collapse(html));
    }

    [Fact]
    public void LoneTitledImageRendersAsFigureWithCaptionAndCredit()
    {
        var html = Renderer.Render("Before.\n\n![Cranes at dawn](https://example.com/cranes.jpg \"Cranes idle at Port Averel. | Photo: Ines Moreau\")\n\nAfter.\n");

        Assert.Equal(
            "<p>Before.</p><figure class=\"image\"><img src=\"https://example.com/cranes.jpg\" alt=\"Cranes at dawn\" loading=\"lazy\">" +
            "<figcaption>Cranes idle at Port Averel. <span class=\"credit\">Photo: Ines Moreau</span></figcaption></figure><p>After.</p>",
            Collapse(html));
    }

    [Theory]
    [InlineData("![Map](https://example.com/map.png \"The new border crossing\")", "<figure class=\"image\"><img src=\"https://example.com/map.png\" alt=\"Map\" loading=\"lazy\"><figcaption>The new border crossing</figcaption></figure>")]
    [InlineData("![Map](https://example.com/map.png)", "<p><img src=\"https://example.com/map.png\" alt=\"Map\"></p>")]
    [InlineData("See ![map](https://example.com/map.png \"Map\") here.", "<p>See <img src=\"https://example.com/map.png\" alt=\"map\" title=\"Map\"> here.</p>")]
    [InlineData("![x](javascript:alert(1) \"<b>Caption</b> | <i>me</i>\")", "<figure class=\"image\"><img alt=\"x\" loading=\"lazy\"><figcaption>&lt;b&gt;Caption&lt;/b&gt; <span class=\"credit\">&lt;i&gt;me&lt;/i&gt;</span></figcaption></figure>")]
    public void ImagesBecomeFiguresOnlyWhenAloneAndTitled(string markdown, string expected)
    {
        Assert.Equal(expected, Collapse(Renderer.Render(markdown + "\n")));
    }

    [Fact]
    public void AttributionWithTwoHyphensRendersWithAnEmDash()
    {
        var html = Renderer.Render("> Prices will fall.\n>\n> -- Ahmed Karim, port economist\n");

        Assert.Equal(
            "<figure class=\"quote\"><blockquote><p>Prices will fall.</p></blockquote><figcaption>— Ahmed Karim, port economist</figcaption></figure>",
            Collapse(html));
    }

    [Fact]
    public void AttributedQuoteKeepsEveryQuotedParagraph()
    {
        var document = Http.Parse(Renderer.Render("> First.\n>\n> Second.\n>\n> — Jane Doe\n"));

        var figure = Assert.Single(document.QuerySelectorAll("figure.quote"));
        Assert.Equal(["First.", "Second."], figure.QuerySelectorAll("blockquote > p").Select(p => p.TextContent));
        Assert.Equal("— Jane Doe", figure.QuerySelector("figcaption")?.TextContent);
        Assert.Null(figure.QuerySelector("blockquote figcaption"));
    }

    [Theory]
    [InlineData("> Just a quote.\n")]
    [InlineData("> A quote\n>\n> with a second paragraph.\n")]
    [InlineData("> — Only an attribution line\n")]
    public void QuoteWithoutAttributionStaysAPlainBlockquote(string markdown)
    {
        var document = Http.Parse(Renderer.Render(markdown));

        Assert.Empty(document.QuerySelectorAll("figure, figcaption"));
        Assert.Single(document.QuerySelectorAll("blockquote"));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("Text <b onclick=\"x()\">bold</b>")]
    public void RawHtmlIsNotInterpreted(string markdown)
    {
        var html = Renderer.Render(markdown);
        var document = Http.Parse(html);

        Assert.Empty(document.QuerySelectorAll("body script, img, iframe, b, [onclick], [onerror]"));
        // SmartyPants curls the quotes of the shown text; what matters is that the markup is shown, not run.
        static string Unquoted(string text) => text.Replace("\"", "", StringComparison.Ordinal).Replace("“", "", StringComparison.Ordinal).Replace("”", "", StringComparison.Ordinal);
        Assert.Contains(Unquoted(markdown), Unquoted(document.Body!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownElementsOfAStoryRender()
    {
        var document = Http.Parse(Renderer.Render(
            "Opening paragraph.\n\n## What was agreed\n\n- a levy\n- a fund\n\n[the text](https://example.com/text)\n\n![Quay at dawn](https://example.com/quay.jpg \"Photo: Port Authority\")\n"));

        Assert.Equal("Opening paragraph.", document.QuerySelector("p")?.TextContent);
        Assert.Equal("What was agreed", document.QuerySelector("h2")?.TextContent);
        Assert.Equal(2, document.QuerySelectorAll("ul > li").Length);
        Assert.Equal("https://example.com/text", document.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("https://example.com/quay.jpg", document.QuerySelector("img")?.GetAttribute("src"));
        Assert.Equal("Quay at dawn", document.QuerySelector("img")?.GetAttribute("alt"));
    }

    [Fact]
    public void JavascriptLinksInAStoryAreRemoved()
    {
        var document = Http.Parse(Renderer.Render("[click](javascript:alert(1))"));

        Assert.All(document.QuerySelectorAll("[href]"), a => Assert.DoesNotContain("javascript", a.GetAttribute("href")!, StringComparison.OrdinalIgnoreCase));
    }
}
