using Byline.Data.Comments;

namespace Byline.Web.Comments;

/// <summary>One comment (and, recursively, its replies) as the page renders it.</summary>
/// <param name="Badges">Staff authors: user id → badge text (see <see cref="StaffBadges"/>).</param>
public sealed record CommentView(
    CommentThreads.Node<Comment> Node, string SectionSlug, string ArticleSlug, TimeZoneInfo Zone, bool CanReply, IReadOnlyDictionary<string, string>? Badges = null, bool DownVotes = false);
