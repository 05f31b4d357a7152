using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Byline.Data;
using Byline.Data.Accounts;
using Byline.Data.Notifications;
using Byline.Web.Articles;
using Byline.Web.Hosting;
using Byline.Web.Hosting.Email;
using Byline.Web.InlineFeedback;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Notifications;

/// <summary>
/// Writes the mail of a group of notices: who wrote what (an excerpt of each comment) with a link to it, and how to
/// stop such mail: <c>List-Unsubscribe</c> with a one-click POST (RFC 8058) for all notification mail, plus links in
/// the text to stop mail about this story or change the settings.
/// </summary>
public sealed class NotificationMailText(BylineDbContext db, SiteLinks links, UnsubscribeTokens tokens)
{
    public const int ExcerptLength = 280;

    public sealed record Item(long Id, NotificationKind Kind, DateTimeOffset CreatedAt, long CommentId, string AuthorName, string BodyMarkdown, bool Visible);

    /// <summary>The mail, or null when the story is no longer published.</summary>
    public async Task<OutgoingMail?> ComposeAsync(BylineUser user, int articleId, IReadOnlyList<Item> items, CancellationToken cancellationToken)
    {
        var story = await db.Articles.AsNoTracking().Published().Where(a => a.Id == articleId)
            .Select(a => new { a.Headline, a.Slug, SectionSlug = a.Section.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (story is null || items.Count == 0)
        {
            return null;
        }
        var subject = items.Count == 1
            ? $"{items[0].AuthorName} {NotificationRules.Describe(items[0].Kind)} on “{story.Headline}”"
            : items.All(i => i.Kind == NotificationKind.OnMyStory)
                ? $"{items.Count} new comments on your story “{story.Headline}”"
                : $"{items.Count} new comments for you on “{story.Headline}”";

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Hello {user.DisplayName},\n\n");
        body.Append(CultureInfo.InvariantCulture, $"New in the discussion of “{story.Headline}”:\n");
        foreach (var item in items)
        {
            body.Append(CultureInfo.InvariantCulture, $"\n{item.AuthorName} {NotificationRules.Describe(item.Kind)}:\n\n");
            foreach (var line in Excerpt(item.BodyMarkdown).Split('\n'))
            {
                body.Append("  ").Append(line).Append('\n');
            }
            body.Append(CultureInfo.InvariantCulture, $"\n  {links.Absolute(CommentLinks.InDiscussion(item.CommentId))}\n");
        }
        var storyLink = links.Absolute(NotificationPaths.UnsubscribeLink(tokens.Create(user.Id, articleId)));
        var allLink = links.Absolute(NotificationPaths.UnsubscribeLink(tokens.Create(user.Id, null)));
        body.Append(CultureInfo.InvariantCulture, $"""

            The whole discussion: {links.Absolute(ArticlePaths.Story(story.SectionSlug, story.Slug))}#comments

            Stop all notices about this story: {storyLink}
            Stop all notification email: {allLink}
            Choose what you are told about: {links.Absolute(NotificationPaths.Settings)}
            """);

        var headers = new List<KeyValuePair<string, string>>
        {
            new("List-Id", "Discussion notifications <notifications.byline>"),
            new("List-Unsubscribe", $"<{allLink}>"),
            new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            new("Auto-Submitted", "auto-generated"),
        };
        return new OutgoingMail(user.Email!, user.DisplayName, subject, body.ToString(), MessageId(user.Id, articleId, items), headers);
    }

    /// <summary>The same for the same notices of the same reader, so a mail sent twice after a crash is recognizably one.</summary>
    public static string MessageId(string userId, int articleId, IReadOnlyList<Item> items)
    {
        var ids = string.Join(',', items.Select(i => i.Id.ToString(CultureInfo.InvariantCulture)));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}|{articleId}|{ids}")))[..24];
        return string.Create(CultureInfo.InvariantCulture, $"notify.{articleId}.{items[0].Id}.{hash}");
    }

    /// <summary>The comment's text as written (Markdown reads as plain text), cut at a word near <see cref="ExcerptLength"/>.</summary>
    public static string Excerpt(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length <= ExcerptLength)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', ExcerptLength);
        var end = cut > ExcerptLength / 2 ? cut : ExcerptLength;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }
        return text[..end].TrimEnd() + " …";
    }
}
