namespace Byline.Web.Hosting;

/// <summary>
/// CSRF protection for forms on pages that the shared page cache serves to everyone (which therefore cannot carry a
/// per-user antiforgery token): a browser says where a form post comes from (Sec-Fetch-Site, Origin), and a post from
/// another site is refused. A client that sends neither header is not a browser and has no ambient authority to abuse.
/// </summary>
public static class SameOriginForm
{
    public static bool IsAllowed(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is "same-origin" or "none";
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
