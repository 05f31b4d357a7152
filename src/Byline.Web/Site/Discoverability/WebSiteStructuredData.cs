using System.Text.Json.Nodes;

namespace Byline.Web.Site.Discoverability;

/// <summary>The front page's schema.org WebSite, with the search action that lets a search engine offer a search box.</summary>
public static class WebSiteStructuredData
{
    public const string SearchPath = "/search";

    public static JsonObject Build(SiteIdentity site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var website = new JsonObject
        {
            ["@type"] = "WebSite",
            ["name"] = site.Name,
            ["url"] = site.HomeUrl,
        };
        if (!string.IsNullOrWhiteSpace(site.Description))
        {
            website["description"] = site.Description;
        }
        website["publisher"] = site.Organization();
        website["potentialAction"] = new JsonObject
        {
            ["@type"] = "SearchAction",
            ["target"] = new JsonObject
            {
                ["@type"] = "EntryPoint",
                ["urlTemplate"] = site.Url(SearchPath) + "?q={search_term_string}",
            },
            ["query-input"] = "required name=search_term_string",
        };
        return website;
    }
}
