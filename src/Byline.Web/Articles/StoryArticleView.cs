using Byline.Data.Articles;
using Byline.Data.Site;
using Byline.Web.Media;

namespace Byline.Web.Articles;

public sealed record StoryArticleView(Article Article, SiteSettings Site, TimeZoneInfo Zone, LeadImage? LeadImage = null);
