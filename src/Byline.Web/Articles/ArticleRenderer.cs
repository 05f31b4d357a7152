using Ganss.Xss;
using Markdig;

namespace Byline.Web.Articles;

/// <summary>
/// Story Markdown to HTML, run once when a story is written. Writers are trusted with Markdown, not with HTML:
/// raw HTML is not interpreted, and the result still passes an allow-list sanitizer.
/// </summary>
public sealed class ArticleRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .UseSmartyPants()
        .Use<AttributedQuotes>()
        .Use<ImageFigures>()
        .Use<InlineFeedback.AuthorPrompts>()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string Render(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline);
        return sanitizer.Sanitize(html);
    }

    /// <summary>Whether Markdig can render the text at all: it refuses absurdly deep nesting of quotes, lists or brackets.</summary>
    public static bool CanRender(string markdown)
    {
        try
        {
            Markdown.ToHtml(markdown, Pipeline);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The plain text of a story body, used for summaries (anchoring uses <see cref="InlineFeedback.StoryText"/>).</summary>
    public string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Add("figure");
        sanitizer.AllowedTags.Add("figcaption");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("loading");
        // Written only by the author prompt extension: writers cannot write HTML.
        sanitizer.AllowedAttributes.Add("data-prompt");
        sanitizer.AllowedAttributes.Add(InlineFeedback.StoryText.UiAttribute);
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor && anchor.GetAttribute("href") is { } href
                && Uri.TryCreate(href, UriKind.Absolute, out Uri? _))
            {
                anchor.SetAttribute("rel", "noopener");
            }
        };
        return sanitizer;
    }
}
