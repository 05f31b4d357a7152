using Byline.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Data;

public static class DataFeature
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(BylineOptions.SectionName).Get<BylineOptions>() ?? new BylineOptions();
        services.Configure<BylineOptions>(configuration.GetSection(BylineOptions.SectionName));
        services.AddDbContextPool<BylineDbContext>((provider, db) =>
        {
            Configure(db, options);
            // Features that watch writes (the live feed) register theirs; a pooled context sees only what is added here.
            db.AddInterceptors(provider.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        services.AddSingleton<SiteSettingsStore>();
        services.AddSingleton<WriteGate>();
        services.AddHostedService<DatabaseStartup>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder db, BylineOptions options)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AddInterceptors(Hosting.Outbox.OutboxWakeup.Instance);
        if (options.Database.IsPostgres)
        {
            var connection = options.Database.ConnectionString
                ?? throw new InvalidOperationException("Byline:Database:ConnectionString is required when the provider is postgres.");
            db.UseNpgsql(connection, npgsql => npgsql.MigrationsAssembly("Byline.Migrations.Postgres"));
        }
        else
        {
            db.UseSqlite(SqliteConnectionString(options), sqlite => sqlite.MigrationsAssembly("Byline.Migrations.Sqlite"));
        }
    }

    public static string SqliteConnectionString(BylineOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Database.ConnectionString))
        {
            return options.Database.ConnectionString;
        }
        Directory.CreateDirectory(options.DataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(options.DataDirectory), "byline.db"),
            // Waits this long for the single writer lock instead of failing with SQLITE_BUSY.
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    /// <summary>Migrates, enables WAL on SQLite, and makes sure the settings row exists. Used by serve and by every CLI verb.</summary>
    public static async Task PrepareAsync(BylineDbContext db, bool migrate, CancellationToken cancellationToken)
    {
        if (migrate)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (db.IsSqlite)
        {
            // WAL lets readers proceed while one writer writes; it is a property of the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        if (!await db.SiteSettings.AnyAsync(cancellationToken))
        {
            db.SiteSettings.Add(new Byline.Data.Site.SiteSettings());
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
