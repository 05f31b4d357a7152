namespace Byline.Web.Feeds;

/// <summary>RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole site and each section, writer and tag (see <see cref="FeedPaths"/>).</summary>
public static class FeedsFeature
{
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddSingleton<FeedCache>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app) => app.MapFeedEndpoints();
}
