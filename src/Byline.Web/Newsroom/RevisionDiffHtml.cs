using Microsoft.AspNetCore.Html;

namespace Byline.Web.Newsroom;

/// <summary>
/// A word diff as HTML: deletions in &lt;del&gt;, insertions in &lt;ins&gt;, every text encoded. Screen readers do not
/// announce those elements, so each change also says what it is in visually hidden words; colour is never the only
/// signal (deletions are struck through, insertions underlined, as the stylesheet shows).
/// </summary>
public static class RevisionDiffHtml
{
    public static IHtmlContent Render(IReadOnlyList<WordDiff.Run> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var html = new HtmlContentBuilder(runs.Count * 5);
        foreach (var run in runs)
        {
            switch (run.Kind)
            {
                case WordDiff.Kind.Deleted:
                    Change(html, "del", "deleted", run.Text);
                    break;
                case WordDiff.Kind.Inserted:
                    Change(html, "ins", "inserted", run.Text);
                    break;
                default:
                    html.Append(run.Text);
                    break;
            }
        }
        return html;
    }

    private static void Change(HtmlContentBuilder html, string element, string spoken, string text)
    {
        // The markers are the page's words (English), inside text in the story's language.
        html.AppendHtml($"<{element}><span class=\"visually-hidden\" lang=\"en\">[{spoken}: </span>");
        // A changed line break is invisible by itself: mark it.
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                html.AppendHtml("<span class=\"diff-newline\" aria-hidden=\"true\">¶</span>\n");
            }
            html.Append(lines[i]);
        }
        html.AppendHtml($"<span class=\"visually-hidden\" lang=\"en\">]</span></{element}>");
    }
}
