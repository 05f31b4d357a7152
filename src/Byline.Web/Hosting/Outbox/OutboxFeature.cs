namespace Byline.Web.Hosting.Outbox;

public static class OutboxFeature
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        // One worker per process, reachable as itself so that tests (and the CLI) can run the due work now.
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxWorker>());
        services.AddSingleton<SiteLinks>();
        return services;
    }
}
