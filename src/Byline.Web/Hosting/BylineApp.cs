using Byline.Web.Articles;
using Byline.Web.Comments;
using Byline.Web.Data;
using Byline.Web.Site;

namespace Byline.Web.Hosting;

/// <summary>The web application, as a table of contents of its features.</summary>
public static class BylineApp
{
    public static WebApplication Build(string[] args, IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddInMemoryCollection(settings);
        // Per-request framework logs cost throughput and say little; warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });

        builder.Services
            .AddHosting()
            .AddData(builder.Configuration)
            .AddArticles()
            .AddComments()
            .AddSite();

        var app = builder.Build();

        app.UseHosting();
        app.MapStaticAssets();
        app.MapHosting();
        app.MapArticles();
        app.MapComments();
        app.MapSite();
        return app;
    }
}
