namespace Byline.Web.Comments;

/// <param name="DownVotes">Whether the site takes down votes (a down button is rendered, for the script to show).</param>
public sealed record ThreadsView(ThreadPage Page, string SectionSlug, string ArticleSlug, TimeZoneInfo Zone, bool CanReply, bool DownVotes = false);
