using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Byline.Web.Articles;

/// <summary>
/// Byline's syntax for a photo with caption and credit: an image alone in its paragraph, whose title holds the caption
/// and, after a " | ", the credit. It renders as
/// <c>&lt;figure class="image"&gt;&lt;img …&gt;&lt;figcaption&gt;Caption &lt;span class="credit"&gt;Credit&lt;/span&gt;&lt;/figcaption&gt;&lt;/figure&gt;</c>.
/// <code>
/// ![Dock cranes at dawn](https://example.com/cranes.jpg "Cranes idle at Port Averel on Monday. | Photo: Ines Moreau")
/// </code>
/// An image without a title, or inside text, stays a plain image.
/// </summary>
public sealed class ImageFigures : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<Renderer>())
        {
            html.ObjectRenderers.InsertBefore<ParagraphRenderer>(new Renderer());
        }
    }

    /// <summary>The image of a paragraph that holds one titled image and nothing else (but blank space).</summary>
    private static LinkInline? LoneTitledImage(ParagraphBlock paragraph)
    {
        LinkInline? image = null;
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true } link when image is null && !string.IsNullOrWhiteSpace(link.Title):
                    image = link;
                    break;
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                case LineBreakInline:
                    break;
                default:
                    return null;
            }
        }
        return image;
    }

    private sealed class Renderer : HtmlObjectRenderer<ParagraphBlock>
    {
        private readonly ParagraphRenderer fallback = new();

        protected override void Write(HtmlRenderer renderer, ParagraphBlock paragraph)
        {
            if (LoneTitledImage(paragraph) is not { } image)
            {
                fallback.Write(renderer, paragraph);
                return;
            }

            var title = image.Title!.Trim();
            var bar = title.LastIndexOf(" | ", StringComparison.Ordinal);
            var caption = bar < 0 ? title : title[..bar].Trim();
            var credit = bar < 0 ? null : title[(bar + 3)..].Trim();
            var alt = new System.Text.StringBuilder();
            foreach (var literal in image.Descendants<LiteralInline>())
            {
                alt.Append(literal.Content.ToString());
            }

            renderer.EnsureLine();
            renderer.Write("<figure class=\"image\">");
            renderer.Write($"<img src=\"{WebUtility.HtmlEncode(image.GetDynamicUrl?.Invoke() ?? image.Url)}\" alt=\"{WebUtility.HtmlEncode(alt.ToString())}\" loading=\"lazy\">");
            renderer.Write("<figcaption>").Write(WebUtility.HtmlEncode(caption));
            if (!string.IsNullOrEmpty(credit))
            {
                renderer.Write(" <span class=\"credit\">").Write(WebUtility.HtmlEncode(credit)).Write("</span>");
            }
            renderer.Write("</figcaption></figure>").WriteLine();
        }
    }
}
