namespace Byline.Web.Comments.Votes;

public static class VotesFeature
{
    public static IServiceCollection AddVotes(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<VoteOptions>(configuration.GetSection(VoteOptions.SectionName));
        services.AddSingleton<VoteRateLimits>();
        services.AddScoped<CommentVoting>();
        services.AddScoped<Featuring>();
        return services;
    }

    public static IEndpointRouteBuilder MapVotes(this IEndpointRouteBuilder app) => app.MapVotesApi();
}
