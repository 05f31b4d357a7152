using Byline.Web.Comments.Votes;
using Byline.Web.Accounts;
using Byline.Web.Admin;
using Byline.Web.Articles;
using Byline.Web.Comments;
using Byline.Web.Comments.Live;
using Byline.Web.Data;
using Byline.Web.Feeds;
using Byline.Web.Hosting.Outbox;
using Byline.Web.InlineFeedback;
using Byline.Web.Media;
using Byline.Web.Moderation;
using Byline.Web.Newsroom;
using Byline.Web.Notifications;
using Byline.Web.Site;
using Byline.Web.Search;
using Byline.Web.Site.Discoverability;

namespace Byline.Web.Hosting;

/// <summary>The web application, as a table of contents of its features.</summary>
public static class BylineApp
{
    public static WebApplication Build(string[] args, IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The site's files (wwwroot) sit beside the binary, wherever the operator starts it from.
            ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
                || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null
                ? null
                : AppContext.BaseDirectory,
        });
        // Serves wwwroot from the project folder when running from a build (dotnet run) in any environment;
        // a published app has no manifest and serves its own copy.
        builder.WebHost.UseStaticWebAssets();
        builder.Configuration.AddInMemoryCollection(settings);
        // Per-request framework logs cost throughput and say little; warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // A failed command surfaces as an exception, logged where it is handled; EF's own line for it is noise, such as
        // the expected miss on the migrations history table of a new PostgreSQL database.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });

        builder.Services
            .AddHosting()
            .AddData(builder.Configuration)
            .AddAccounts(builder.Environment)
            .AddArticles()
            .AddComments()
            .AddLive(builder.Configuration)
            .AddVotes(builder.Configuration)
            .AddModeration(builder.Configuration)
            .AddInlineFeedback()
            .AddOutbox()
            .AddNotifications()
            .AddNewsroom()
            .AddRevisions()
            .AddMedia()
            .AddSearch()
            .AddSite()
            .AddDiscoverability()
            .AddFeeds()
            .AddAdmin();

        var app = builder.Build();

        app.UseHosting();
        app.UseAccounts();
        app.MapStaticAssets();
        app.MapHosting();
        app.MapArticles();
        app.MapComments();
        app.MapLive();
        app.MapVotes();
        app.MapModeration();
        app.MapNotifications();
        app.MapNewsroom();
        app.MapMedia();
        app.MapSearch();
        app.MapSite();
        app.MapDiscoverability();
        app.MapFeeds();
        app.MapAdmin();
        return app;
    }
}
