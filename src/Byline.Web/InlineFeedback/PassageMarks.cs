using AngleSharp.Dom;

namespace Byline.Web.InlineFeedback;

/// <summary>
/// Draws highlights into a story body's HTML on the server, so that readers see them without JavaScript. Passages may
/// overlap or nest: the text is cut at every passage boundary and each piece is wrapped in one <c>&lt;mark&gt;</c>
/// naming every passage that covers it. Each passage is followed by a link showing its number of responses. Only
/// elements are added; the text nodes, and so <see cref="StoryText"/> and every offset, stay exactly as they were.
/// </summary>
public static class PassageMarks
{
    /// <summary>One highlighted passage: <see cref="Key"/> is unique on the page and names its feedback list.</summary>
    public sealed record Highlight(int Start, int End, string Key, int Count, bool IsPrompt = false);

    private static readonly HashSet<string> BlockContainers = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl", "blockquote", "figure", "section", "article",
    };

    public static string Apply(string bodyHtml, IReadOnlyList<Highlight> highlights)
    {
        var drawn = highlights.Where(h => h.Start < h.End).ToList();
        if (drawn.Count == 0)
        {
            return bodyHtml;
        }
        var container = StoryText.Parse(bodyHtml);
        var document = container.Owner!;
        var lastPiece = new Dictionary<string, IElement>();

        var offset = 0;
        foreach (var node in StoryText.TextNodes(container).ToList())
        {
            var nodeStart = offset;
            var text = node.Data;
            offset += text.Length;
            var nodeEnd = offset;
            var covering = drawn.Where(h => h.Start < nodeEnd && h.End > nodeStart).ToList();
            // Whitespace between blocks stays unmarked: a <mark> between table rows or list items would be moved
            // elsewhere by the browser's parser, and the text with it.
            if (covering.Count == 0 || (string.IsNullOrWhiteSpace(text) && BlockContainers.Contains(node.Parent!.NodeName)))
            {
                continue;
            }
            // Cut at every passage start or end inside this node.
            var cuts = covering.SelectMany(h => new[] { h.Start, h.End })
                .Where(p => p > nodeStart && p < nodeEnd)
                .Append(nodeStart).Append(nodeEnd)
                .Distinct().Order().ToList();
            var parent = node.Parent!;
            for (var i = 0; i + 1 < cuts.Count; i++)
            {
                var (from, to) = (cuts[i], cuts[i + 1]);
                INode piece = document.CreateTextNode(text[(from - nodeStart)..(to - nodeStart)]);
                var over = covering.Where(h => h.Start <= from && h.End >= to).ToList();
                if (over.Count > 0)
                {
                    var mark = document.CreateElement("mark");
                    mark.ClassName = over.Count > 1 ? "passage passage-overlap" : over[0].IsPrompt ? "passage passage-prompt" : "passage";
                    mark.SetAttribute("data-passages", string.Join(' ', over.Select(h => h.Key)));
                    foreach (var starting in over.Where(h => h.Start == from))
                    {
                        // The target of links back from the discussion: one id per passage, where it begins.
                        if (mark.Id is null or "")
                        {
                            mark.Id = PassageIds.Highlight(starting.Key);
                        }
                        else
                        {
                            parent.InsertBefore(Target(document, starting.Key), node);
                        }
                    }
                    mark.AppendChild(piece);
                    over.ForEach(h => lastPiece[h.Key] = mark);
                    piece = mark;
                }
                parent.InsertBefore(piece, node);
            }
            parent.RemoveChild(node);
        }

        foreach (var highlight in drawn.Where(h => h.Count > 0).OrderByDescending(h => h.End))
        {
            if (!lastPiece.TryGetValue(highlight.Key, out var last))
            {
                continue;
            }
            // Links must not nest: a passage that ends inside a link gets its count after the link.
            var after = OutermostLink(last) ?? (INode)last;
            after.Parent!.InsertBefore(CountLink(document, highlight), after.NextSibling);
        }
        return container.InnerHtml;
    }

    private static IElement? OutermostLink(IElement element)
    {
        IElement? link = null;
        for (var e = element.ParentElement; e is not null && e.Id != "story-body"; e = e.ParentElement)
        {
            if (e.LocalName == "a")
            {
                link = e;
            }
        }
        return link;
    }

    private static IElement Target(IDocument document, string key)
    {
        var span = document.CreateElement("span");
        span.Id = PassageIds.Highlight(key);
        span.SetAttribute(StoryText.UiAttribute, "");
        return span;
    }

    private static IElement CountLink(IDocument document, Highlight highlight)
    {
        var link = document.CreateElement("a");
        link.ClassName = "passage-count";
        link.SetAttribute(StoryText.UiAttribute, "");
        link.SetAttribute("data-passage", highlight.Key);
        link.SetAttribute("href", "#" + PassageIds.Feedback(highlight.Key));
        link.SetAttribute("aria-label", highlight.Count == 1 ? "1 response to this passage" : $"{highlight.Count} responses to this passage");
        link.TextContent = highlight.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return link;
    }
}
