using Byline.Data;
using Byline.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byline.Web.Articles;

public static class ArticlesFeature
{
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddSingleton<ArticleRenderer>();
        services.AddSingleton<StoryFragments>();
        services.AddScoped<ArticleImporter>();
        services.AddScoped<DemoSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapArticles(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/articles").WithTags("Articles");
        api.MapGet("/{slug}", GetAsync).WithName("GetArticle").WithSummary("A published story with its bylines, citation and discussion counts.");
        return app;
    }

    public static async Task<Results<Ok<ArticleDto>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> GetAsync(
        string slug, BylineDbContext db, SiteSettingsStore settings, CancellationToken cancellationToken)
    {
        var article = await StoryQuery.FindAsync(db, slug, cancellationToken);
        if (article is null)
        {
            return Hosting.Problems.Create(404, "article-not-found", "There is no such story.");
        }
        var site = (await settings.GetAsync(cancellationToken)).Settings;
        var leadImage = article.LeadImageId is { } imageId ? await Media.LeadImage.FindAsync(db, imageId, cancellationToken) : null;
        return TypedResults.Ok(ArticleDto.From(article, site, leadImage?.ToDto()));
    }
}
