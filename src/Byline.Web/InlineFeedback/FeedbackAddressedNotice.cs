using Byline.Data;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Byline.Web.Hosting.Email;
using Byline.Web.Hosting.Outbox;
using Byline.Web.Newsroom;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.InlineFeedback;

/// <summary>
/// Tells a reader by email that a correction addressed the passage they responded to. Only readers with an account
/// and a confirmed address are written to: a guest's email was typed into a form by anyone, and mailing it would let
/// anyone make Byline mail a stranger.
/// </summary>
public sealed class FeedbackAddressedNotice(BylineDbContext db, Mailer mailer, SiteLinks links, SiteSettingsStore settings) : IOutboxHandler
{
    public const string MessageKind = "feedback.addressed";

    public sealed record Message(long CommentId, int CorrectionId);

    public string Kind => MessageKind;

    public static void Enqueue(BylineDbContext db, long commentId, int correctionId, DateTimeOffset now) =>
        Outbox.Enqueue(db, MessageKind, new Message(commentId, correctionId), now);

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var message = Outbox.Read<Message>(payload);
        var found = await (
                from comment in db.Comments.AsNoTracking()
                join user in db.Users.AsNoTracking() on comment.AuthorUserId equals user.Id
                join article in db.Articles.AsNoTracking() on comment.ArticleId equals article.Id
                join correction in db.ArticleCorrections.AsNoTracking() on message.CorrectionId equals correction.Id
                where comment.Id == message.CommentId && comment.Anchor != null && user.EmailConfirmed && user.Email != null
                select new
                {
                    user.Email,
                    user.DisplayName,
                    Quote = comment.Anchor!.Exact,
                    article.Headline,
                    article.Slug,
                    SectionSlug = article.Section.Slug,
                    correction.Kind,
                    correction.Text,
                    correction.CreatedAt,
                })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return;
        }
        var when = NewsDate.Date(found.CreatedAt, (await settings.GetAsync(cancellationToken)).Zone);
        var link = links.Absolute(ArticlePaths.Story(found.SectionSlug, found.Slug) + "#" + ArticlePaths.CommentAnchor(message.CommentId));
        await mailer.SendAsync(found.Email!, found.DisplayName, $"Your feedback on “{found.Headline}” was addressed", $"""
            Hello {found.DisplayName},

            You responded to this passage of “{found.Headline}”:

              “{found.Quote}”

            The newsroom has since changed that passage and published this {CorrectionText.Label(found.Kind).ToLowerInvariant()} ({when}):

              {found.Text}

            Your feedback and the story as it reads now:
            {link}
            """, cancellationToken);
    }
}
