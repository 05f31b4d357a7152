using AngleSharp.Dom;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Byline.Web.Articles;

namespace Byline.Tests.Articles;

public sealed class CitationFormatterTests
{
    private static SourceCitation Source(string outlet = "Harbour Gazette", string title = "Ports weigh a fuel levy", string? url = null, int year = 2026, int month = 11, int day = 19) =>
        new() { Outlet = outlet, OriginalTitle = title, OriginalDate = new DateOnly(year, month, day), Url = url };

    private static IElement Html(SourceCitation source) =>
        Http.Parse($"<!DOCTYPE html><p id=\"c\">{CitationFormatter.Html(source)}</p>").GetElementById("c")!;

    [Theory]
    [InlineData("Harbour Gazette", "Ports weigh a fuel levy", 2026, 11, 19, "Harbour Gazette. (November 19, 2026). Ports weigh a fuel levy.")]
    [InlineData("The Daily Record", "Will the levy pass?", 2021, 3, 4, "The Daily Record. (March 4, 2021). Will the levy pass?")]
    [InlineData("Example Inc.", "Shipping rates fall!", 2020, 5, 31, "Example Inc. (May 31, 2020). Shipping rates fall!")]
    [InlineData("Harbour Gazette", "Ports weigh a fuel levy.", 2026, 1, 1, "Harbour Gazette. (January 1, 2026). Ports weigh a fuel levy.")]
    [InlineData("日本経済新聞", "港湾税が合意", 2026, 11, 20, "日本経済新聞. (November 20, 2026). 港湾税が合意.")]
    public void TextReadsOutletDateTitle(string outlet, string title, int year, int month, int day, string expected)
    {
        Assert.Equal(expected, CitationFormatter.Text(Source(outlet, title, year: year, month: month, day: day)));
    }

    [Theory]
    [InlineData("https://example.com/levy")]
    [InlineData("http://example.com/levy?a=1&b=2")]
    public void HtmlLinksTheTitleWhenAWebUrlIsKnown(string url)
    {
        var source = Source(url: url);
        var html = Html(source);

        var link = Assert.Single(html.QuerySelectorAll("a"));
        Assert.Equal(url, link.GetAttribute("href"));
        Assert.Equal("Ports weigh a fuel levy", link.QuerySelector("cite")?.TextContent);
        Assert.Equal(CitationFormatter.Text(source), html.TextContent);
        Assert.Equal("2026-11-19", html.QuerySelector("time")?.GetAttribute("datetime"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/file")]
    [InlineData("/relative/path")]
    [InlineData("not a url")]
    public void HtmlHasNoLinkWithoutAWebUrl(string? url)
    {
        var source = Source(url: url);
        var html = Html(source);

        Assert.Empty(html.QuerySelectorAll("a"));
        Assert.Equal("Ports weigh a fuel levy", html.QuerySelector("cite")?.TextContent);
        Assert.Equal(CitationFormatter.Text(source), html.TextContent);
    }

    [Fact]
    public void HtmlEncodesEverythingItShows()
    {
        var source = Source("<b>Evil</b> & Co", "<script>alert(1)</script> \"quoted\"?", "https://example.com/?q=\"><script>x</script>");
        var raw = CitationFormatter.Html(source);
        var html = Html(source);

        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", raw, StringComparison.Ordinal);
        Assert.Empty(html.QuerySelectorAll("script, b"));
        Assert.Equal("<b>Evil</b> & Co. (November 19, 2026). <script>alert(1)</script> \"quoted\"?", html.TextContent);
        Assert.Equal(CitationFormatter.Text(source), html.TextContent);
        Assert.Equal("https://example.com/?q=\"><script>x</script>", html.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void QuestionTitleGetsNoExtraStopInHtml()
    {
        var html = Html(Source(title: "Will the levy pass?", url: "https://example.com/"));

        Assert.EndsWith("Will the levy pass?", html.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("?.", html.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void LongDateUsesFullMonthNames()
    {
        Assert.Equal("September 9, 2025", CitationFormatter.LongDate(new DateOnly(2025, 9, 9)));
    }
}
