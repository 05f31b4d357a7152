using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Byline.Web.Search;

/// <summary>
/// The text of stored HTML (a story's or a comment's body) as a reader reads it: blocks and line breaks become line
/// breaks, so the last word of one paragraph never runs into the first word of the next.
/// </summary>
public static class SearchableText
{
    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "blockquote", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6",
        "pre", "table", "tr", "td", "th", "hr", "section", "aside", "footer", "header", "dd", "dt",
    };

    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        document.Body!.InnerHtml = html;
        var text = new StringBuilder(html.Length);
        Append(document.Body, text);
        return text.ToString().Trim();
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
            }
            else if (child is IElement element)
            {
                if (element.LocalName is "script" or "style" or "template")
                {
                    continue;
                }
                var block = Blocks.Contains(element.LocalName);
                if (block)
                {
                    text.Append('\n');
                }
                Append(element, text);
                if (block)
                {
                    text.Append('\n');
                }
            }
        }
    }
}
