namespace Byline.Web.Feeds;

/// <summary>
/// The feeds a page offers for autodiscovery: a page sets them in its ViewData (<see cref="Set"/>) and the layout's
/// head lists them as <c>&lt;link rel="alternate"&gt;</c> in every format, its own scope first, then the whole site's.
/// </summary>
public static class FeedLinks
{
    private const string Key = "Byline.Feeds";

    public static void Set(Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData, FeedScope? scope)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[Key] = scope is null || scope == FeedScope.Site ? [FeedScope.Site] : new[] { scope, FeedScope.Site };
    }

    public static IReadOnlyList<FeedScope> Of(Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData) =>
        viewData[Key] as IReadOnlyList<FeedScope> ?? [];
}
