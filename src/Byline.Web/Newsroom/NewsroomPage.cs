using Byline.Web.Accounts;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Byline.Web.Newsroom;

/// <summary>
/// A page of the newsroom: anonymous visitors are sent to sign in, signed-in people without a newsroom role get 403,
/// and nothing here is stored by any cache (the pages show unpublished work).
/// </summary>
public abstract class NewsroomPage : PageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        Response.Headers.CacheControl = "no-store";
        var user = HttpContext.RequestServices.GetRequiredService<CurrentUser>();
        if (!user.IsSignedIn)
        {
            context.Result = Challenge();
            return;
        }
        if (!StoryAccess.CanUseNewsroom(user))
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }
}
