using Byline.Core.Anchoring;

namespace Byline.Web.InlineFeedback;

/// <summary>
/// Where an author prompt's passage is in the story's text, so that "Respond" can open the form on it without
/// JavaScript (passages.js does the same in the browser).
/// </summary>
public static class PromptPassages
{
    /// <summary>The anchor of prompt <paramref name="number"/>, or null when the story has no such prompt.</summary>
    public static TextAnchor? Find(string bodyHtml, int number)
    {
        var container = StoryText.Parse(bodyHtml);
        var passage = container.QuerySelector($"span.prompt-passage[data-prompt='{number}']");
        if (passage is null)
        {
            return null;
        }
        var text = new System.Text.StringBuilder();
        int? start = null;
        var end = 0;
        foreach (var node in StoryText.TextNodes(container))
        {
            if (passage.Contains(node))
            {
                start ??= text.Length;
                end = text.Length + node.Data.Length;
            }
            text.Append(node.Data);
        }
        return start is { } s && end > s ? TextAnchors.At(text.ToString(), s, end) : null;
    }

    /// <summary>The link a prompt's "Respond" follows when no script handles it: the story's form, opened on the passage.</summary>
    public static string RespondHref(int number) => $"?prompt={number}#comment-form";
}
