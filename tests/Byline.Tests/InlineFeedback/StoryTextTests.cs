using Byline.Web.Articles;
using Byline.Web.InlineFeedback;

namespace Byline.Tests.InlineFeedback;

public sealed class StoryTextTests
{
    private readonly ArticleRenderer renderer = new();

    [Fact]
    public void TextIsTheBodysTextContentWithEntitiesDecodedAndBlockWhitespaceKept()
    {
        var html = renderer.Render("Tom & Jerry said \"hi\".\n\nSecond *para*.");

        // Markdig separates blocks with a newline, which the DOM keeps as a text node between the paragraphs.
        Assert.Equal("Tom & Jerry said “hi”.\nSecond para.\n", StoryText.Of(html));
    }

    [Fact]
    public void AuthorPromptQuestionIsNotStoryTextButItsPassageIs()
    {
        var html = renderer.Render("The council will {{close three branch libraries || Which branch do you use?}} next year.");

        Assert.Contains("class=\"prompt-passage\" data-prompt=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("Which branch do you use?", html, StringComparison.Ordinal);
        Assert.Equal("The council will close three branch libraries next year.\n\n", StoryText.Of(html));
        // The question comes after the paragraph: the sentence is never broken by it.
        Assert.Contains("next year.</p>\n<div class=\"author-prompt\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptsAreNumberedInStoryOrderAndMalformedOnesStayText()
    {
        var html = renderer.Render("{{one || First?}} and {{two || Second?}}.\n\n{{no question}} and {{ || empty}}.");

        Assert.Contains("data-prompt=\"2\">two</span>", html, StringComparison.Ordinal);
        Assert.Contains("{{no question}}", StoryText.Of(html), StringComparison.Ordinal);
        Assert.Contains("{{ || empty}}", StoryText.Of(html), StringComparison.Ordinal);
    }

    [Fact]
    public void PromptMarkupCannotBeForgedAndPromptTextIsEscaped()
    {
        var html = renderer.Render("{{<b>bold</b> || Is <script>alert(1)</script> ok?}}");

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Equal("<b>bold</b>\n\n", StoryText.Of(html));
    }
}
