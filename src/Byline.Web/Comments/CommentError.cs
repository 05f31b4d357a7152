namespace Byline.Web.Comments;

/// <summary>Why a comment was not stored: a stable <see cref="Code"/> for scripts, a message for people.</summary>
public sealed record CommentError(int Status, string Code, string Message, string? Field = null)
{
    /// <summary>For 429: when to try again (sent as Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>For a ban: when it ends (sent as the "until" extension; absent for a permanent ban).</summary>
    public DateTimeOffset? Until { get; init; }

    public static CommentError RateLimited(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new(429, "rate-limited", $"You are posting faster than this site allows. Try again in {seconds} second{(seconds == 1 ? "" : "s")}.")
        {
            RetryAfter = TimeSpan.FromSeconds(seconds),
        };
    }

    public static CommentError Banned(DateTimeOffset until, Func<DateTimeOffset, string> describe) => until == Byline.Data.Accounts.BylineUser.PermanentBan
        ? new(403, "user-banned", "Your account may no longer comment on this site.")
        : new(403, "user-banned", $"Your account may not comment until {describe(until)}.") { Until = until };

    public const string GuestName = "Guest";

    public static CommentError ArticleNotFound { get; } = new(404, "article-not-found", "There is no such story.");
    public static CommentError CommentsClosed { get; } = new(409, "comments-closed", "Comments are closed on this story.");
    public static CommentError GuestsNotAllowed { get; } = new(403, "sign-in-required", "Sign in to comment on this site.");
    public static CommentError BodyRequired { get; } = new(400, "body-required", "Write something before posting.", "body");
    public static CommentError BodyTooLong { get; } = new(400, "body-too-long", $"A comment can be at most {CommentRules.MaxBodyCharacters:N0} characters.", "body");
    public static CommentError BodyInvalid { get; } = new(400, "invalid-text", "The comment contains invalid characters (it is not valid UTF-8 text).", "body");
    public static CommentError NameTooLong { get; } = new(400, "name-too-long", $"A name can be at most {CommentRules.MaxNameCharacters} characters.", "authorName");
    public static CommentError NameInvalid { get; } = new(400, "invalid-text", "The name contains invalid characters.", "authorName");
    public static CommentError EmailInvalid { get; } = new(400, "email-invalid", "That email address is not valid.", "authorEmail");
    public static CommentError FormTooLarge { get; } = new(413, "payload-too-large", "What you sent is larger than this site accepts. Shorten your comment and try again.");
    public static CommentError FormExpired { get; } = new(400, "form-expired", "This form has expired (or did not come from this site). Reload the page and post again.");
    public static CommentError CrossSite { get; } = new(403, "cross-site", "Posting from another site is not allowed.");
    public static CommentError FormUnreadable { get; } = new(400, "bad-request", "The form could not be read. Please try again.");
    public static CommentError ParentNotFound { get; } = new(400, "parent-not-found", "The comment you are replying to is not part of this story's discussion.", "parentId");
}
