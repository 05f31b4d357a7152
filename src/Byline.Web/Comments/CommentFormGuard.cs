using Byline.Web.Accounts;
using Byline.Web.Hosting;
using Byline.Web.Moderation;
using Microsoft.AspNetCore.Antiforgery;

namespace Byline.Web.Comments;

/// <summary>
/// Who posts a comment form, and whether to accept it. A guest's page comes from the shared page cache and carries no
/// token, so a guest's post only has to come from this site (<see cref="SameOriginForm"/>). A signed-in reader's page
/// is rendered for them alone (their cookie bypasses the cache) with an antiforgery token, which their post must return:
/// their cookie is ambient authority that another site could otherwise borrow.
/// </summary>
/// <remarks>
/// It also sets the form's two bot traps: a field hidden from people (<see cref="CommentForm.Website"/>) and a sealed
/// stamp of when the form was rendered (<see cref="FormTiming"/>); what they caught goes to the moderation checks.
/// </remarks>
public sealed class CommentFormGuard(CurrentUser user, IAntiforgery antiforgery, FormTiming timing, HeldComments held)
{
    /// <summary>Where a held comment's author is sent after posting it.</summary>
    public string HeldLink(long commentId) => held.Link(commentId);

    public CommentAuthor? Author => CommentAuthor.Of(user);

    public string Stamp() => timing.Stamp();

    public SubmitSignals Signals(HttpContext context, CommentForm form) =>
        SubmitSignals.Of(context, new FormSignals(!string.IsNullOrWhiteSpace(form.Website), !string.IsNullOrEmpty(form.Started), timing.Elapsed(form.Started)));

    public async Task<CommentError?> CheckAsync(HttpContext context)
    {
        if (Author is null)
        {
            return SameOriginForm.IsAllowed(context.Request) ? null : CommentError.CrossSite;
        }
        return await antiforgery.IsRequestValidAsync(context) ? null : CommentError.FormExpired;
    }
}
