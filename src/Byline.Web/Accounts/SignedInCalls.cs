using Byline.Web.Comments;
using Byline.Web.Hosting;

namespace Byline.Web.Accounts;

/// <summary>
/// The endpoint filter of the API calls a reader makes as themselves (votes, flags, edits, notifications): a session
/// cookie or an API token is required, and a change made with a cookie must come from this site, because a browser
/// sends the cookie along with another site's request too. Reads are not changes: a page on another site cannot
/// read the answer.
/// </summary>
public static class SignedInCalls
{
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.RequestServices.GetRequiredService<CurrentUser>().IsSignedIn)
        {
            return Problems.Create(401, "sign-in-required", "Sign in, or send a personal API token as 'Authorization: Bearer <token>'.");
        }
        if (!HttpMethods.IsGet(http.Request.Method) && !ApiTokenHandler.HasBearerToken(http.Request) && !SameOriginForm.IsAllowed(http.Request))
        {
            return Problems.From(CommentError.CrossSite);
        }
        return await next(context);
    }
}
