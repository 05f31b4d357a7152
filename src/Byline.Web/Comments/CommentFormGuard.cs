using Byline.Web.Accounts;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;

namespace Byline.Web.Comments;

/// <summary>
/// Who posts a comment form, and whether to accept it. A guest's page comes from the shared page cache and carries no
/// token, so a guest's post only has to come from this site (<see cref="SameOriginForm"/>). A signed-in reader's page
/// is rendered for them alone (their cookie bypasses the cache) with an antiforgery token, which their post must return:
/// their cookie is ambient authority that another site could otherwise borrow.
/// </summary>
public sealed class CommentFormGuard(CurrentUser user, IAntiforgery antiforgery)
{
    public CommentAuthor? Author => CommentAuthor.Of(user);

    public async Task<CommentError?> CheckAsync(HttpContext context)
    {
        if (Author is null)
        {
            return SameOriginForm.IsAllowed(context.Request) ? null : CommentError.CrossSite;
        }
        return await antiforgery.IsRequestValidAsync(context) ? null : CommentError.FormExpired;
    }
}
