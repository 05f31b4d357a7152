using Byline.Web.Hosting;
using Byline.Web.Site.Discoverability.OEmbed;
using Byline.Web.Site.Discoverability.Sitemaps;

namespace Byline.Web.Site.Discoverability;

/// <summary>
/// How search engines and other sites find and describe the stories: structured data and social cards in the pages'
/// heads (see <see cref="PageDiscovery"/>), robots.txt, the sitemaps and the oEmbed provider. These follow formats
/// defined elsewhere rather than Byline's API, so they stay out of the OpenAPI document.
/// </summary>
public static class DiscoverabilityFeature
{
    public static IServiceCollection AddDiscoverability(this IServiceCollection services)
    {
        services.AddSingleton<SiteIdentities>();
        return services;
    }

    public static IEndpointRouteBuilder MapDiscoverability(this IEndpointRouteBuilder app)
    {
        app.MapGetAndHead(RobotsTxt.Path, RobotsTxt.Get).ExcludeFromDescription();
        app.MapGetAndHead(SitemapIndex.Path, SitemapIndex.GetAsync).ExcludeFromDescription();
        app.MapGetAndHead(PagesSitemap.Path, PagesSitemap.GetAsync).ExcludeFromDescription();
        app.MapGetAndHead(NewsSitemap.Path, NewsSitemap.GetAsync).ExcludeFromDescription();
        app.MapGetAndHead(StorySitemap.Route, StorySitemap.GetAsync).ExcludeFromDescription();
        app.MapGetAndHead(OEmbedPaths.Endpoint, OEmbedEndpoint.GetAsync).ExcludeFromDescription();
        return app;
    }
}
