using Byline.Data.Accounts;
using Byline.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Byline.Web.Admin;

/// <summary>
/// The one place deciding who may open /admin: admins. Anonymous people are sent to sign in; signed-in people without
/// the role get 403, not a sign-in page they are already past. It runs before antiforgery validation, so a stranger's
/// POST gets the same answer as their GET.
/// </summary>
public sealed class AdminOnlyFilter : IAuthorizationFilter
{
    public static bool IsAllowed(CurrentUser user) => user.IsIn(Roles.Admin);

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.RequestServices.GetRequiredService<CurrentUser>();
        if (!user.IsSignedIn)
        {
            context.Result = new ChallengeResult();
        }
        else if (!IsAllowed(user))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
    }
}
