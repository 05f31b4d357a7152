namespace Byline.Web.Comments;

public sealed record ThreadsView(ThreadPage Page, string SectionSlug, string ArticleSlug, TimeZoneInfo Zone, bool CanReply);
