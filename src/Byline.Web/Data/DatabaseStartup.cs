using Byline.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Byline.Web.Data;

/// <summary>Prepares the database before the server takes requests: migrations, settings row, demo site on first start.</summary>
public sealed class DatabaseStartup(IServiceScopeFactory scopes, IOptions<BylineOptions> options, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
        await DataFeature.PrepareAsync(db, options.Value.Database.MigrateOnStart, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Accounts.FirstAdmin>().EnsureAsync(Console.Out, cancellationToken);

        if (options.Value.SeedDemo && !await db.Articles.AnyAsync(cancellationToken))
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            var stories = await seeder.SeedAsync(cancellationToken);
            logger.LogInformation("Seeded the demo site with {Stories} stories", stories);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
