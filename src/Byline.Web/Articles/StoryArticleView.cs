using Byline.Data.Articles;
using Byline.Data.Site;

namespace Byline.Web.Articles;

public sealed record StoryArticleView(Article Article, SiteSettings Site, TimeZoneInfo Zone);
