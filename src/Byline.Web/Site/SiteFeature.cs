namespace Byline.Web.Site;

public static class SiteFeature
{
    public static IServiceCollection AddSite(this IServiceCollection services)
    {
        // Pages live in their feature folders (Articles/, Site/), not in a Pages/ folder.
        services.AddRazorPages(pages => pages.RootDirectory = "/");
        return services;
    }

    public static IEndpointRouteBuilder MapSite(this IEndpointRouteBuilder app)
    {
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
