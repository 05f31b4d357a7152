using Byline.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Byline.Web.Media;

/// <summary>
/// Runs first on the upload page, ahead of antiforgery (which reads the form): refuses people who may not upload
/// before any of a large body is read, then reads the form itself, so that a body over the limit becomes a message next
/// to the file field instead of the bare 413 the framework would answer.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadGateAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string TooLarge = "too-large";

    public int Order => -2000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var user = http.RequestServices.GetRequiredService<CurrentUser>();
        if (!user.IsSignedIn)
        {
            context.Result = new ChallengeResult();
            return;
        }
        if (!MediaAccess.CanUpload(user))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType)
        {
            return;
        }
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ImageUploads.IsBodyTooLarge(ex, http.Request))
        {
            context.Result = new RedirectResult($"{MediaPaths.Library}?refused={TooLarge}");
        }
    }
}
