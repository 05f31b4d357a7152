using Byline.Core.Search;
using Microsoft.AspNetCore.Html;

namespace Byline.Web.Search;

/// <summary>A snippet as HTML: its text encoded, each match in a <c>mark</c>, and nothing else between them.</summary>
public static class SnippetHtml
{
    public static IHtmlContent Of(SearchSnippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var html = new HtmlContentBuilder();
        var at = 0;
        foreach (var mark in snippet.Highlights)
        {
            html.Append(snippet.Text[at..mark.Start]);
            html.AppendHtml("<mark>");
            html.Append(snippet.Text.Substring(mark.Start, mark.Length));
            html.AppendHtml("</mark>");
            at = mark.Start + mark.Length;
        }
        html.Append(snippet.Text[at..]);
        return html;
    }
}
