using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Byline.Web.Site.Discoverability;

/// <summary>
/// What a page tells search engines and link previews, gathered while it renders and written into the head by
/// _HeadTags.cshtml (the canonical link stays in ViewData["Canonical"], which the layout already writes).
/// </summary>
public sealed class PageDiscovery
{
    private const string Key = "Byline.Discovery";

    /// <summary>Pages that are nobody's business to index: previews, accounts, the newsroom, errors.</summary>
    public bool NoIndex { get; set; }

    public SocialCard? Card { get; set; }

    /// <summary>Serialized by <see cref="JsonLd"/>: safe inside a script element.</summary>
    public List<string> StructuredData { get; } = [];

    /// <summary>The oEmbed addresses of this page (JSON, then XML) and its title, for discovery links.</summary>
    public (string Json, string Xml, string Title)? OEmbed { get; set; }

    public void Add(JsonObject thing) => StructuredData.Add(JsonLd.Serialize(thing));

    public static PageDiscovery Of(ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        if (viewData[Key] is not PageDiscovery discovery)
        {
            discovery = new PageDiscovery();
            viewData[Key] = discovery;
        }
        return discovery;
    }

    /// <summary>
    /// A page says so itself; private areas and error answers need not, since no page under them is public.
    /// </summary>
    public static bool IsNoIndex(ViewDataDictionary viewData, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(viewData).NoIndex || context.Response.StatusCode >= 400 || PrivateAreas.Contains(context.Request.Path);
    }
}
