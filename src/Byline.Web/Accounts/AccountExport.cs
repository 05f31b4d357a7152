using System.Text.Json;
using Byline.Data;
using Byline.Data.Articles;
using Byline.Data.Notifications;
using Byline.Web.Articles;
using Byline.Web.Hosting;
using Byline.Web.Moderation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Accounts;

/// <summary>
/// Everything Byline keeps about one account, as JSON the reader downloads (GDPR access and portability): the account,
/// every comment in any state with its earlier texts, votes, flags, subscriptions, notifications and API tokens (never
/// their secrets). Only what is the reader's own: not who voted on their comments, nor other readers' texts.
/// </summary>
public sealed class AccountExport(BylineDbContext db, TimeProvider time)
{
    public sealed record ExportDto(
        DateTimeOffset ExportedAt,
        AccountDto Account,
        IReadOnlyList<CommentDto> Comments,
        IReadOnlyList<VoteDto> Votes,
        IReadOnlyList<FlagDto> Flags,
        IReadOnlyList<SubscriptionDto> Subscriptions,
        IReadOnlyList<NotificationDto> Notifications,
        IReadOnlyList<TokenDto> ApiTokens);

    public sealed record AccountDto(
        string Id, string DisplayName, string? Email, bool EmailConfirmed, DateTimeOffset CreatedAt, IReadOnlyList<string> Roles, string Bio,
        DateTimeOffset? BannedUntil, string? BanReason, NotificationSettingsDto NotificationSettings, string? DiscussionSort);

    public sealed record NotificationSettingsDto(bool OnReply, bool OnMention, bool OnPassage, bool OnMyStories, bool Email);

    /// <param name="Story">Null when the story is no longer published.</param>
    public sealed record CommentDto(
        long Id, StoryDto? Story, long? ParentId, string AuthorName, string Body, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
        string Status, int Revision, int UpVotes, int DownVotes, string? Passage, IReadOnlyList<EditHistory.EditDto> Edits);

    public sealed record StoryDto(string Headline, string Url);
    public sealed record VoteDto(long CommentId, int Value, DateTimeOffset At, string? CommentUrl);
    public sealed record FlagDto(long CommentId, string Reason, string? Note, DateTimeOffset At);
    public sealed record SubscriptionDto(StoryDto? Story, string Mode, DateTimeOffset At);
    public sealed record NotificationDto(string Kind, long CommentId, StoryDto? Story, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
    public sealed record TokenDto(string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    private sealed record StoryRow(int Id, string Headline, string Slug, string SectionSlug);

    /// <param name="siteUrl">The site's address ("https://example.com"), so the links in the file work outside it.</param>
    public async Task<ExportDto?> ExportAsync(string userId, string siteUrl, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(cancellationToken);
        var comments = await db.Comments.AsNoTracking().Include(c => c.Anchor).Where(c => c.AuthorUserId == userId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var edits = await db.CommentEdits.AsNoTracking().Where(e => db.Comments.Any(c => c.Id == e.CommentId && c.AuthorUserId == userId))
            .ToListAsync(cancellationToken);
        // A withdrawn vote stays as a row with value 0 (see CommentVote): it is no vote.
        var votes = await db.CommentVotes.AsNoTracking().Where(v => v.UserId == userId && v.Value != 0)
            .Join(db.Comments, v => v.CommentId, c => c.Id, (v, c) => new { v.CommentId, v.Value, v.At, c.ArticleId })
            .ToListAsync(cancellationToken);
        var flags = await db.CommentFlags.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.At).ToListAsync(cancellationToken);
        var subscriptions = await db.StorySubscriptions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.At).ToListAsync(cancellationToken);
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);

        var articleIds = comments.Select(c => c.ArticleId).Concat(votes.Select(v => v.ArticleId))
            .Concat(subscriptions.Select(s => s.ArticleId)).Concat(notifications.Select(n => n.ArticleId)).Distinct().ToList();
        // Unpublished stories are named by nobody: their headline may not be public yet.
        var stories = await db.Articles.AsNoTracking().Published().Where(a => articleIds.Contains(a.Id))
            .Select(a => new StoryRow(a.Id, a.Headline, a.Slug, a.Section.Slug)).ToDictionaryAsync(s => s.Id, cancellationToken);
        StoryDto? Story(int id) => stories.TryGetValue(id, out var s) ? new StoryDto(s.Headline, siteUrl + ArticlePaths.Story(s.SectionSlug, s.Slug)) : null;
        string? CommentUrl(int articleId, long commentId) => Story(articleId) is { } story ? $"{story.Url}#{ArticlePaths.CommentAnchor(commentId)}" : null;

        var editsOf = edits.GroupBy(e => e.CommentId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Revision).Select(EditHistory.ToDto).ToList());
        return new ExportDto(
            time.GetUtcNow(),
            new AccountDto(user.Id, user.DisplayName, user.Email, user.EmailConfirmed, user.CreatedAt, Admin.AccountRoles.Ordered(roles.OfType<string>()), user.Bio,
                user.BannedUntil, user.BanReason,
                new NotificationSettingsDto(user.NotifyOnReply, user.NotifyOnMention, user.NotifyOnPassage, user.NotifyOnMyStories, user.EmailNotifications),
                user.DiscussionSort),
            comments.ConvertAll(c => new CommentDto(c.Id, Story(c.ArticleId), c.ParentId, c.AuthorName, c.BodyMarkdown, c.CreatedAt, c.EditedAt,
                AuthorView.StatusOf(c), c.Revision, c.UpVotes, c.DownVotes, c.Anchor?.Exact, editsOf.GetValueOrDefault(c.Id) ?? [])),
            votes.OrderBy(v => v.At).Select(v => new VoteDto(v.CommentId, v.Value, v.At, CommentUrl(v.ArticleId, v.CommentId))).ToList(),
            flags.ConvertAll(f => new FlagDto(f.CommentId, FlagReasons.Name(f.Reason), f.Note, f.At)),
            subscriptions.ConvertAll(s => new SubscriptionDto(Story(s.ArticleId), s.Mode == SubscriptionMode.Follow ? "follow" : "mute", s.At)),
            notifications.ConvertAll(n => new NotificationDto(Kind(n.Kind), n.CommentId, Story(n.ArticleId), n.CreatedAt, n.ReadAt)),
            tokens.ConvertAll(t => new TokenDto(t.Name, t.Hint, t.CreatedAt, t.RevokedAt)));
    }

    private static string Kind(NotificationKind kind) => kind switch
    {
        NotificationKind.Reply => "reply",
        NotificationKind.Mention => "mention",
        NotificationKind.Passage => "passage",
        NotificationKind.Following => "following",
        _ => "on-my-story",
    };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string FileName(DateTimeOffset at) => $"byline-my-data-{at:yyyy-MM-dd}.json";

    public static string SiteUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    /// <summary>`GET /api/v1/me/export`: the same file as the account page's "Download my data".</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        HttpRequest request, CurrentUser me, AccountExport export, TimeProvider time, CancellationToken cancellationToken)
    {
        if (me.Id is not { } id || await export.ExportAsync(id, SiteUrl(request), cancellationToken) is not { } data)
        {
            return Problems.Create(401, "sign-in-required", "Sign in, or send an API token, to download your data.");
        }
        return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", FileName(time.GetUtcNow()));
    }
}
