using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using System.Text;

namespace Byline.Web.InlineFeedback;

/// <summary>
/// The text passages are anchored in: the text content of a story's rendered body, exactly as the browser's DOM has
/// it inside <c>#story-body</c> (the same HTML parse, so the same text nodes and the same UTF-16 offsets). Parts that
/// Byline adds around the writer's words — an author prompt's question, a highlight's count — carry
/// <see cref="UiAttribute"/> and are not text of the story; the script in passages.js skips them the same way.
/// </summary>
public static class StoryText
{
    public const string UiAttribute = "data-passage-ui";

    private static readonly HtmlParser Parser = new();

    public static string Of(string bodyHtml)
    {
        var text = new StringBuilder(bodyHtml.Length);
        foreach (var node in TextNodes(Parse(bodyHtml)))
        {
            text.Append(node.Data);
        }
        return text.ToString();
    }

    /// <summary>The body parsed as the story page holds it: the children of the body container.</summary>
    internal static IElement Parse(string bodyHtml)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body><div id=\"story-body\"></div></body></html>");
        var container = document.GetElementById("story-body")!;
        container.InnerHtml = bodyHtml;
        return container;
    }

    /// <summary>The story's text nodes in document order, skipping Byline's own additions.</summary>
    internal static IEnumerable<IText> TextNodes(INode root)
    {
        for (var node = root.FirstChild; node is not null; node = node.NextSibling)
        {
            switch (node)
            {
                case IText text:
                    yield return text;
                    break;
                case IElement element when element.HasAttribute(UiAttribute) || element.LocalName == "template":
                    break;
                case IElement element:
                    foreach (var inner in TextNodes(element))
                    {
                        yield return inner;
                    }
                    break;
            }
        }
    }
}
