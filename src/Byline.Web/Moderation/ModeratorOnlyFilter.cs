using Byline.Data.Accounts;
using Byline.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Byline.Web.Moderation;

/// <summary>
/// Who may open /moderation: moderators (and admins, who hold every role). Anonymous people are sent to sign in;
/// others get 403. Runs before antiforgery validation, so a stranger's POST gets the same answer as their GET.
/// The policy page narrows this to admins itself.
/// </summary>
public sealed class ModeratorOnlyFilter : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.RequestServices.GetRequiredService<CurrentUser>();
        if (!user.IsSignedIn)
        {
            context.Result = new ChallengeResult();
        }
        else if (!user.IsIn(Roles.Moderator))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
    }
}
