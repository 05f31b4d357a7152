using Byline.Data.Articles;
using Byline.Data.Site;
using Byline.Web.Media;

namespace Byline.Web.Articles;

/// <summary>
/// A story as its page (or the newsroom's preview) renders it. <see cref="Passages"/> are the readers' highlighted
/// passages; the preview has none.
/// </summary>
public sealed record StoryArticleView(
    Article Article, SiteSettings Site, TimeZoneInfo Zone, LeadImage? LeadImage = null, InlineFeedback.StoryPassages? Passages = null)
{
    public InlineFeedback.StoryPassages Feedback => Passages ?? InlineFeedback.StoryPassages.None;

    /// <summary>The body with the readers' passages highlighted.</summary>
    public string BodyHtml => InlineFeedback.PassageMarks.Apply(Article.BodyHtml, Feedback.Highlights());
}
