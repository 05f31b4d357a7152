using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.WebEncoders;

namespace Byline.Web.Hosting;

public static class HostingFeature
{
    public static IServiceCollection AddHosting(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        // Razor escapes everything outside Basic Latin by default; pages in Chinese or Arabic should stay readable and small.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddSingleton<PageCache>();
        services.AddOpenApi();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<FormOptions>(form =>
        {
            form.ValueLengthLimit = 64 * 1024;
            form.ValueCountLimit = 64;
            form.MultipartBodyLengthLimit = 256 * 1024;
        });
        return services;
    }

    /// <summary>The middleware that runs before any feature: errors, security headers, caching.</summary>
    public static WebApplication UseHosting(this WebApplication app)
    {
        // First of all: a cached page is answered before anything else runs (its hit path is a lookup and a write).
        app.UseMiddleware<PageCacheMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePagesWithReExecute("/errors/{0}");
        app.UseRouting();
        // A cached response already carries these headers, stored with it.
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<PageCaptureMiddleware>();
        return app;
    }

    public static IEndpointRouteBuilder MapHosting(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
