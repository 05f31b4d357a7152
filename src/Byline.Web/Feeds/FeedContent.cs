using System.Net;
using System.Text;
using Byline.Web.Articles;
using Byline.Web.Newsroom;

namespace Byline.Web.Feeds;

/// <summary>
/// An entry's HTML content. Its corrections and updates come first, as on the story page, so a reader of the feed
/// learns of them too. Then the full story (links and images made absolute), or, when the site offers summaries only,
/// the standfirst and a link to the story.
/// </summary>
public static class FeedContent
{
    public static string Html(FeedEntry entry, Uri storyUrl, bool fullContent, TimeZoneInfo zone)
    {
        var html = new StringBuilder();
        if (!fullContent && !string.IsNullOrWhiteSpace(entry.Standfirst))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(entry.Standfirst)).Append("</p>");
        }
        if (entry.Corrections.Count > 0)
        {
            html.Append("<section class=\"corrections\"><h2>Corrections and updates</h2><ul>");
            foreach (var correction in entry.Corrections)
            {
                html.Append("<li><strong>").Append(CorrectionText.Label(correction.Kind)).Append(' ')
                    .Append(NewsDate.Date(correction.At, zone)).Append(":</strong> ")
                    .Append(WebUtility.HtmlEncode(correction.Text)).Append("</li>");
            }
            html.Append("</ul></section>");
        }
        if (fullContent)
        {
            html.Append(AbsoluteUrls.Resolve(entry.BodyHtml, storyUrl));
        }
        else
        {
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(storyUrl.AbsoluteUri)).Append("\">Read the full story</a></p>");
        }
        return html.ToString();
    }
}
