using Byline.Web.Hosting.Outbox;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Byline.Web.Notifications;

/// <summary>
/// Notices of new comments to the readers they concern: decided once per visible comment from the outbox, listed on
/// the site (/account/notifications, with an unread count in the account nav), mailed in groups (at most one mail per
/// reader per story per 10 minutes) with one-click unsubscribe; story subscriptions (follow, mute) and settings.
/// </summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<NotificationMailText>();
        services.AddScoped<IOutboxHandler, CommentNotices>();
        services.AddScoped<IOutboxHandler, NotificationMail>();
        // Post-configured: Razor Pages' own setup (AddSite) replaces the conventions registered before it.
        services.PostConfigure<RazorPagesOptions>(pages =>
        {
            pages.Conventions.AuthorizePage("/Notifications/Index");
            pages.Conventions.AuthorizePage("/Notifications/Settings");
            pages.Conventions.AuthorizePage("/Notifications/Story");
        });
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        app.MapNotificationsApi();
        return app;
    }
}
