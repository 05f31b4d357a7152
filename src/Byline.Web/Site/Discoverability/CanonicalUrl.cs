using Byline.Web.Data;

namespace Byline.Web.Site.Discoverability;

/// <summary>
/// Canonical URLs of lists. Each page of a list is its own canonical page (search engines index the stories on page 3
/// through page 3, not through page 1), so the cursor stays; whatever else the query holds (tracking parameters, a
/// cursor that does not parse and so shows the first page) goes.
/// </summary>
public static class CanonicalUrl
{
    /// <summary>A front, section or writer page, paged newest first by <c>?before=</c>.</summary>
    public static string ForList(SiteIdentity site, string path, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(request);
        var before = request.Query["before"].ToString();
        return KeysetCursor.TryParse(before, out _)
            ? site.Url($"{path}?before={Uri.EscapeDataString(before)}")
            : site.Url(path);
    }

    /// <summary>A page of a discussion: its cursor (which carries its order) stays, a plain <c>?sort=</c> goes.</summary>
    public static string ForDiscussion(SiteIdentity site, string path, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(request);
        var after = request.Query["after"].ToString();
        return after.Length > 0 ? site.Url($"{path}?after={Uri.EscapeDataString(after)}") : site.Url(path);
    }
}
