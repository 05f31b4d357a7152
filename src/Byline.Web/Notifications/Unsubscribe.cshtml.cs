using Byline.Data;
using Byline.Data.Notifications;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Notifications;

/// <summary>
/// The unsubscribe link of a notification mail. GET only shows what the link would do and a button (mail scanners and
/// link previews follow links: a GET must change nothing). POST does it: from that button, or straight from a mail
/// client's one-click unsubscribe (RFC 8058: a POST with the body "List-Unsubscribe=One-Click", no cookies).
/// </summary>
/// <remarks>
/// Antiforgery is off for this page only, and on purpose: a one-click POST comes from the mail provider's servers,
/// with no cookie and no form token to send. The signed token in the URL is the authority instead: it names one
/// account and one scope and cannot be made or changed without the site's keys, so a forged cross-site POST could
/// only do what the holder of the link may do anyway, and that only makes the site send less mail.
/// </remarks>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(BylineDbContext db, UnsubscribeTokens tokens, WriteGate writeGate, TimeProvider time) : PageModel
{
    public string Token { get; private set; } = "";

    /// <summary>The story's headline, for a story's link; null for "all notification mail".</summary>
    public string? Headline { get; private set; }
    public string? StoryPath { get; private set; }
    public bool Invalid { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(token, cancellationToken) is null)
        {
            return Refuse();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(token, cancellationToken) is not { } scope)
        {
            return Refuse();
        }
        var now = time.GetUtcNow();
        if (scope.ArticleId is { } articleId)
        {
            await Subscriptions.SetAsync(db, writeGate, scope.UserId, articleId, SubscriptionMode.Mute, now, cancellationToken);
        }
        else
        {
            using (await writeGate.EnterAsync(db, cancellationToken))
            {
                await db.Users.Where(u => u.Id == scope.UserId)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailNotifications, false), cancellationToken);
            }
        }
        Done = true;
        return Page();
    }

    /// <summary>The token's scope when it is genuine and names an account (and story) that exist; null otherwise.</summary>
    private async Task<UnsubscribeTokens.Scope?> ResolveAsync(string? token, CancellationToken cancellationToken)
    {
        if (tokens.Read(token) is not { } scope || !await db.Users.AnyAsync(u => u.Id == scope.UserId, cancellationToken))
        {
            return null;
        }
        Token = token!;
        if (scope.ArticleId is { } articleId)
        {
            var story = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
                .Select(a => new { a.Headline, a.Slug, SectionSlug = a.Section.Slug }).FirstOrDefaultAsync(cancellationToken);
            if (story is null)
            {
                return null;
            }
            (Headline, StoryPath) = (story.Headline, Articles.ArticlePaths.Story(story.SectionSlug, story.Slug));
        }
        return scope;
    }

    private PageResult Refuse()
    {
        Invalid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
