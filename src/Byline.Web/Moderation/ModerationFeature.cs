using Byline.Web.Hosting.Outbox;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Byline.Web.Moderation;

/// <summary>
/// Moderation: the checks every new comment passes, the queues and decisions (/moderation and its API), readers'
/// flags, bans, appeals, the classifier that learns from moderators, and the metrics. The only code that changes
/// another person's content.
/// </summary>
public static class ModerationFeature
{
    public static IServiceCollection AddModeration(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ModerationOptions>(configuration.GetSection(ModerationOptions.SectionName));
        services.AddSingleton<PolicyTerms>();
        services.AddSingleton<ClassifierReadiness>();
        services.AddSingleton<CommentRateLimits>();
        services.AddSingleton<FormTiming>();
        services.AddSingleton<HeldComments>();
        services.AddScoped<SubmitChecks>();
        services.AddScoped<ModeratorDecisions>();
        services.AddScoped<Bans>();
        services.AddScoped<Flags>();
        services.AddScoped<AuthorActions>();
        services.AddScoped<IOutboxHandler, ClassifierTraining>();
        // Post-configured: Razor Pages' own setup (AddSite) replaces the conventions registered before it.
        services.PostConfigure<RazorPagesOptions>(pages =>
            pages.Conventions.AddFolderApplicationModelConvention("/Moderation", page => page.Filters.Add(new ModeratorOnlyFilter())));
        return services;
    }

    public static IEndpointRouteBuilder MapModeration(this IEndpointRouteBuilder app)
    {
        app.MapModerationApi();
        app.MapReaderModerationApi();
        return app;
    }
}
