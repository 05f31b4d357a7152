using System.Text.Json.Nodes;

namespace Byline.Web.Site.Discoverability;

/// <summary>
/// Who publishes: the site as structured data and social cards present it, with absolute URLs for the request's origin.
/// </summary>
/// <param name="Origin">"https://news.example.com", without a trailing slash.</param>
/// <param name="CardImage">The image a page without one of its own shows on a card.</param>
public sealed record SiteIdentity(string Name, string Description, string Origin, CardImage Logo, CardImage CardImage, TimeZoneInfo Zone)
{
    public string HomeUrl => Origin + "/";

    public string Url(string path) => Origin + path;

    /// <summary>The publisher of every story and the employer of every writer, with its logo.</summary>
    public JsonObject Organization() => new()
    {
        ["@type"] = "Organization",
        ["name"] = Name,
        ["url"] = HomeUrl,
        ["logo"] = new JsonObject
        {
            ["@type"] = "ImageObject",
            ["url"] = Logo.Url,
            ["width"] = Logo.Width,
            ["height"] = Logo.Height,
        },
    };
}
