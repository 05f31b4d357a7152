using Byline.Data;
using Byline.Data.Accounts;
using Byline.Data.Comments;
using Byline.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments.Votes;

/// <summary>Voting on a comment without JavaScript, and for editors featuring its thread: small forms with antiforgery.</summary>
public sealed class VoteModel(BylineDbContext db, CommentVoting voting, VoteRateLimits limits, Featuring featuring, CurrentUser user) : PageModel
{
    public CommentInStory Found { get; private set; } = null!;
    public VoteDto State { get; private set; } = null!;
    public bool DownVotes { get; private set; }
    public bool CanFeature => user.IsIn(Roles.Editor) && Found.Comment.RootId is null;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <param name="value">"1" up, "-1" down, "0" withdraw.</param>
    public async Task<IActionResult> OnPostVoteAsync(long id, string? value, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!user.IsSignedIn)
        {
            return Challenge();
        }
        if (value is not ("1" or "-1" or "0"))
        {
            return Refused("Choose up or down.", StatusCodes.Status400BadRequest);
        }
        if (limits.TryVote(user.Id!) is { } wait)
        {
            var seconds = VotesApi.RetrySeconds(wait);
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Refused(VotesApi.Message(null, seconds), StatusCodes.Status429TooManyRequests);
        }
        var result = await voting.VoteAsync(id, user.Id!, int.Parse(value, System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return result.Outcome switch
        {
            CommentVoting.Outcome.Done => Redirect(await ThreadPage.LocationOfAsync(db, Found.Comment, Found.SectionSlug, Found.Slug, cancellationToken)),
            CommentVoting.Outcome.OwnComment or CommentVoting.Outcome.Banned => Refused(VotesApi.Message(result.Outcome), StatusCodes.Status403Forbidden),
            CommentVoting.Outcome.DownVotesDisabled => Refused(VotesApi.Message(result.Outcome), StatusCodes.Status400BadRequest),
            _ => NotFound(),
        };
    }

    public async Task<IActionResult> OnPostFeatureAsync(long id, bool featured, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!user.IsSignedIn)
        {
            return Challenge();
        }
        if (!user.IsIn(Roles.Editor))
        {
            return Forbid();
        }
        var result = await featuring.SetAsync(id, user.Id!, featured, cancellationToken);
        return result.Outcome switch
        {
            Featuring.Outcome.Done => Redirect(await ThreadPage.LocationOfAsync(db, Found.Comment, Found.SectionSlug, Found.Slug, cancellationToken)),
            Featuring.Outcome.NotAThread => Refused("Only a top-level comment (a whole thread) can be featured.", StatusCodes.Status409Conflict),
            _ => NotFound(),
        };
    }

    private PageResult Refused(string message, int status)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var found = await CommentInStory.Published(db.Comments.AsNoTracking().Where(c => c.Id == id && c.Status == CommentStatus.Approved), db)
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }
        Found = found;
        State = await voting.StateAsync(id, user.Id, cancellationToken);
        DownVotes = await db.SiteSettings.AsNoTracking().Select(s => s.DownVotesEnabled).FirstOrDefaultAsync(cancellationToken);
        return true;
    }
}
