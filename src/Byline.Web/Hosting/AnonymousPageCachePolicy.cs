using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace Byline.Web.Hosting;

/// <summary>
/// Caches pages for anonymous readers only: a request with credentials (an Authorization header or Byline's sign-in
/// cookie) is rendered fresh, so per-user content never enters the shared cache. Pages add their own tags.
/// </summary>
public sealed class AnonymousPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "anonymous-page";
    public const string AuthCookie = ".Byline.Auth";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var anonymous = !request.Headers.ContainsKey("Authorization") && !request.Cookies.ContainsKey(AuthCookie);
        var cacheable = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous && cacheable;
        context.AllowCacheStorage = anonymous && cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        // Only the paging parameters make a different page; anything else must not split (or flood) the cache.
        context.CacheVaryByRules.QueryKeys = new StringValues(["after", "before"]);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
