using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Byline.Web.Comments;

/// <summary>
/// A reader's Markdown to safe HTML, once, when the comment is written. The subset is emphasis, code, quotes, lists
/// and links; headings render as their text, images as links, raw HTML as text. Links carry rel="nofollow ugc noopener".
/// </summary>
public sealed class CommentRenderer
{
    private static readonly string[] AllowedTags =
        ["p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a"];

    private readonly MarkdownPipeline pipeline = CreatePipeline();
    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string Render(string markdown)
    {
        string html;
        try
        {
            var document = Markdown.Parse(markdown, pipeline);
            foreach (var link in document.Descendants<LinkInline>())
            {
                link.IsImage = false;
            }
            html = document.ToHtml(pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses absurdly deep nesting ("[[[[…", ">>>>…"); such a comment is shown as the text it is.
            html = PlainText(markdown);
        }
        return sanitizer.Sanitize(html).Trim();
    }

    private static string PlainText(string text) => string.Concat(
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(paragraph => $"<p>{System.Net.WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>\n", StringComparison.Ordinal)}</p>\n"));

    private static MarkdownPipeline CreatePipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UseAutoLinks()
            .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough);
        builder.BlockParsers.RemoveAll(parser => parser is HeadingBlockParser or ThematicBreakParser);
        if (builder.BlockParsers.Find<ParagraphBlockParser>() is { } paragraphs)
        {
            paragraphs.ParseSetextHeadings = false;
        }
        return builder.Build();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        });
        sanitizer.KeepChildNodes = true;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IHtmlAnchorElement anchor)
            {
                anchor.SetAttribute("rel", "nofollow ugc noopener");
            }
        };
        return sanitizer;
    }
}
