using Markdig;
using Markdig.Extensions.SmartyPants;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Byline.Web.Articles;

/// <summary>
/// Byline's syntax for an attributed quotation: a blockquote whose last paragraph starts with an em dash
/// (or "--") names the speaker. It renders as
/// <c>&lt;figure class="quote"&gt;&lt;blockquote&gt;…&lt;/blockquote&gt;&lt;figcaption&gt;— Name, role&lt;/figcaption&gt;&lt;/figure&gt;</c>.
/// <code>
/// > We will not back down.
/// >
/// > — Jane Doe, Minister of Trade
/// </code>
/// </summary>
public sealed class AttributedQuotes : IMarkdownExtension
{
    private const string AttributionKey = "byline-attribution";

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed -= MarkAttributions;
        pipeline.DocumentProcessed += MarkAttributions;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<Renderer>())
        {
            html.ObjectRenderers.InsertBefore<QuoteBlockRenderer>(new Renderer());
        }
    }

    private static void MarkAttributions(MarkdownDocument document)
    {
        foreach (var quote in document.Descendants<QuoteBlock>())
        {
            if (quote.Count < 2 || quote[^1] is not ParagraphBlock { Inline.FirstChild: { } firstInline } last)
            {
                continue;
            }
            // With SmartyPants on, a leading "--" or "---" arrives as a dash inline (after an empty literal) before the speaker's name.
            while (firstInline is LiteralInline { Content.IsEmpty: true } && firstInline.NextSibling is { } next)
            {
                firstInline = next;
            }
            if (firstInline is SmartyPant { Type: SmartyPantType.Dash2 or SmartyPantType.Dash3 } dash && dash.NextSibling is LiteralInline afterDash)
            {
                afterDash.Content = new Markdig.Helpers.StringSlice("— " + afterDash.Content.ToString().TrimStart());
                dash.Remove();
                quote.SetData(AttributionKey, last);
                continue;
            }
            if (firstInline is not LiteralInline first)
            {
                continue;
            }
            var text = first.Content.ToString();
            var speaker = text.StartsWith('—') || text.StartsWith('―') ? text[1..]
                : text.StartsWith("--", StringComparison.Ordinal) ? text[2..]
                : null;
            if (speaker is null)
            {
                continue;
            }
            first.Content = new Markdig.Helpers.StringSlice("— " + speaker.TrimStart());
            quote.SetData(AttributionKey, last);
        }
    }

    private sealed class Renderer : HtmlObjectRenderer<QuoteBlock>
    {
        private readonly QuoteBlockRenderer fallback = new();

        protected override void Write(HtmlRenderer renderer, QuoteBlock quote)
        {
            if (quote.GetData(AttributionKey) is not ParagraphBlock attribution)
            {
                fallback.Write(renderer, quote);
                return;
            }

            renderer.EnsureLine();
            renderer.Write("<figure class=\"quote\">").WriteLine();
            renderer.Write("<blockquote>").WriteLine();
            var savedImplicit = renderer.ImplicitParagraph;
            renderer.ImplicitParagraph = false;
            foreach (var child in quote)
            {
                if (!ReferenceEquals(child, attribution))
                {
                    renderer.Write(child);
                }
            }
            renderer.ImplicitParagraph = savedImplicit;
            renderer.EnsureLine();
            renderer.Write("</blockquote>").WriteLine();
            renderer.Write("<figcaption>");
            renderer.WriteLeafInline(attribution);
            renderer.Write("</figcaption>").WriteLine();
            renderer.Write("</figure>").WriteLine();
        }
    }
}
