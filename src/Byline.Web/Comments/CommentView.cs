using Byline.Data.Comments;

namespace Byline.Web.Comments;

/// <summary>One comment (and, recursively, its replies) as the page renders it.</summary>
public sealed record CommentView(CommentThreads.Node<Comment> Node, string SectionSlug, string ArticleSlug, TimeZoneInfo Zone, bool CanReply);
