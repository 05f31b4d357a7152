using StackExchange.Redis;

namespace Byline.Web.Comments.Live;

public static class LiveFeature
{
    /// <summary>
    /// The live feed: in memory on one node; through Redis pub/sub when <c>Byline:Redis</c> names a server
    /// (e.g. "127.0.0.1:6379"), so a comment posted on one node reaches readers connected to another.
    /// </summary>
    public static IServiceCollection AddLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DiscussionEventSignals>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(provider => provider.GetRequiredService<DiscussionEventSignals>());
        if (configuration["Byline:Redis"] is { Length: > 0 } redis)
        {
            services.AddSingleton<IConnectionMultiplexer>(_ =>
            {
                var options = ConfigurationOptions.Parse(redis);
                // Start without Redis and keep trying: the feed degrades to polling meanwhile, the site stays up.
                options.AbortOnConnectFail = false;
                return ConnectionMultiplexer.Connect(options);
            });
            services.AddSingleton<ICommentFeed, RedisCommentFeed>();
        }
        else
        {
            services.AddSingleton<ICommentFeed, InMemoryCommentFeed>();
        }
        services.AddSingleton<LiveDiscussions>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveDiscussions>());
        return services;
    }
}
