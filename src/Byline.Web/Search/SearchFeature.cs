using Byline.Web.Data;
using Byline.Web.Hosting.Outbox;
using Microsoft.Extensions.Options;

namespace Byline.Web.Search;

public static class SearchFeature
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        // The engine follows the database: SQLite's FTS5 or PostgreSQL's tsvector, over the same folded terms.
        services.AddSingleton<ISearchEngine>(provider => provider.GetRequiredService<IOptions<BylineOptions>>().Value.Database.IsPostgres
            ? new PostgresSearchEngine()
            : new SqliteSearchEngine());
        services.AddScoped<SiteSearch>();
        services.AddScoped<IOutboxHandler, StoryIndexing>();
        services.AddScoped<IOutboxHandler, CommentIndexing>();
        services.AddHostedService<SearchBootstrap>();
        return services;
    }

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapSearchApi();
        return app;
    }
}
