namespace Byline.Web.Newsroom;

/// <summary>
/// The newsroom: the story list, the editor with its live preview, the workflow, scheduled publishing and the
/// newsroom API. Who may do what is decided by <see cref="StoryAccess"/> alone.
/// </summary>
public static class NewsroomFeature
{
    public static IServiceCollection AddNewsroom(this IServiceCollection services)
    {
        services.AddSingleton<PublicPages>();
        services.AddSingleton<SiteTime>();
        services.AddScoped<StoryEditor>();
        services.AddScoped<StoryPreview>();
        services.AddScoped<StoryMoves>();
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<ScheduledPublisher>());
        return services;
    }

    public static IEndpointRouteBuilder MapNewsroom(this IEndpointRouteBuilder app)
    {
        app.MapNewsroomApi();
        return app;
    }
}
