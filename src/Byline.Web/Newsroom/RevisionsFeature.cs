using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Byline.Web.Newsroom;

/// <summary>Revision history, restore, and public corrections. Their pages are Razor Pages in this folder and Site/.</summary>
public static class RevisionsFeature
{
    /// <summary>
    /// The methods each page answers. Anything else is 405 from routing, before antiforgery or a handler is looked at:
    /// an entry is never edited or deleted, and no PUT, PATCH or DELETE may look as if it could be.
    /// </summary>
    private static readonly Dictionary<string, string[]> Methods = new(StringComparer.Ordinal)
    {
        ["/Newsroom/Revisions"] = ["GET", "HEAD"],
        ["/Newsroom/RevisionDiff"] = ["GET", "HEAD"],
        ["/Newsroom/RevisionRestore"] = ["POST"],
        ["/Newsroom/Corrections"] = ["GET", "HEAD", "POST"],
        ["/Site/Corrections"] = ["GET", "HEAD"],
    };

    public static IServiceCollection AddRevisions(this IServiceCollection services)
    {
        services.AddScoped<RevisionRestorer>();
        services.AddScoped<CorrectionPublisher>();
        // Post-configured: Razor Pages' own setup replaces the convention collection, whenever it is registered.
        services.PostConfigure<RazorPagesOptions>(pages =>
        {
            foreach (var (page, methods) in Methods)
            {
                pages.Conventions.AddPageRouteModelConvention(page, model =>
                {
                    foreach (var selector in model.Selectors)
                    {
                        selector.EndpointMetadata.Add(new HttpMethodMetadata(methods));
                    }
                });
            }
        });
        return services;
    }
}
