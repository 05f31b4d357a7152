using Byline.Web.Articles;

namespace Byline.Web.Site.Discoverability.OEmbed;

/// <summary>Where the oEmbed provider answers, and the discovery links a story page carries to it.</summary>
public static class OEmbedPaths
{
    public const string Endpoint = "/oembed";

    public static string For(string url, string format) => $"{Endpoint}?url={Uri.EscapeDataString(url)}&format={format}";

    /// <summary>The absolute JSON and XML addresses for a story, and the title the discovery links show.</summary>
    public static (string Json, string Xml, string Title) Discovery(SiteIdentity site, StoryMetadata story)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(story);
        var url = site.Url(story.Path);
        return (site.Url(For(url, OEmbedRequest.Json)), site.Url(For(url, OEmbedRequest.Xml)), story.Headline);
    }
}
