using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Byline.Web.Accounts;

/// <summary>Marks the pages a person with a generated password may still open (changing it, signing out).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AllowPendingPasswordChangeAttribute : Attribute;

/// <summary>
/// While an account still has a generated password (the first admin, accounts made with the CLI), every page sends its
/// owner to <see cref="AccountPaths.Password"/>. The flag travels as a claim, so this costs no database lookup.
/// </summary>
public sealed class PendingPasswordChangeFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var http = context.HttpContext;
        if (!http.User.HasClaim(c => c.Type == BylineClaims.MustChangePassword)
            || context.ActionDescriptor.EndpointMetadata.OfType<AllowPendingPasswordChangeAttribute>().Any()
            // An error page being rendered for another request keeps its status.
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return;
        }
        context.Result = new RedirectResult(AccountPaths.Password);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
