using Byline.Data;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Byline.Tests.Infrastructure;

/// <summary>
/// A whole Byline app in memory on a fresh database of its own (a temporary SQLite file, or a new PostgreSQL
/// database), with a fake clock. No demo content unless asked for.
/// </summary>
public sealed class BylineFactory : WebApplicationFactory<Program>
{
    private readonly string provider;
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "byline-tests", Guid.NewGuid().ToString("N"));
    private readonly string? postgresDatabase;
    private readonly bool seedDemo;
    private readonly bool kestrel;

    /// <summary>False for a second node on another factory's database: the first one drops it.</summary>
    private readonly bool ownsDatabase = true;

    /// <param name="kestrel">
    /// Serve over a real Kestrel socket instead of the in-memory TestServer, for what only a real server enforces
    /// (request body size limits).
    /// </param>
    /// <param name="sameDatabaseAs">A second app node on that factory's PostgreSQL database (tests of several nodes).</param>
    public BylineFactory(string provider = Databases.Sqlite, bool seedDemo = false, bool kestrel = false, BylineFactory? sameDatabaseAs = null)
    {
        this.provider = provider;
        this.seedDemo = seedDemo;
        this.kestrel = kestrel;
        if (kestrel)
        {
            UseKestrel(0);
        }
        Directory.CreateDirectory(dataDirectory);
        if (sameDatabaseAs is not null)
        {
            if (sameDatabaseAs.postgresDatabase is null || provider != Databases.Postgres)
            {
                throw new ArgumentException("Only PostgreSQL is shared by several nodes.", nameof(sameDatabaseAs));
            }
            postgresDatabase = sameDatabaseAs.postgresDatabase;
            ownsDatabase = false;
        }
        else if (provider == Databases.Postgres)
        {
            postgresDatabase = "byline_test_" + Guid.NewGuid().ToString("N");
            using var connection = new NpgsqlConnection(Databases.PostgresAdminConnection);
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{postgresDatabase}\"", connection);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Settings under Byline:Moderation for this app; a test of the limits replaces them before the app starts.</summary>
    public Dictionary<string, string> ModerationSettings { get; } = new()
    {
        ["Byline:Moderation:MinSecondsToSubmit"] = "0",
        ["Byline:Moderation:AccountBurst"] = "100000",
        ["Byline:Moderation:GuestBurst"] = "100000",
        ["Byline:Moderation:AddressBurst"] = "100000",
    };

    /// <summary>Any other settings for this app (e.g. Byline:Redis), applied before it starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    public string Provider => provider;

    /// <summary>Every SQL command the app sends (not those of <see cref="CreateDbContext"/>).</summary>
    public SqlCommandCounter Sql { get; } = new();

    public string ConnectionString => postgresDatabase is null
        ? $"Data Source={Path.Combine(dataDirectory, "byline.db")};Default Timeout=30"
        : new NpgsqlConnectionStringBuilder(Databases.PostgresAdminConnection) { Database = postgresDatabase }.ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Byline:DataDirectory", dataDirectory);
        builder.UseSetting("Byline:SeedDemo", seedDemo ? "true" : "false");
        builder.UseSetting("Byline:Database:Provider", provider);
        builder.UseSetting("Byline:Database:ConnectionString", ConnectionString);
        // Background work runs when a test says so (PassageKit.RunOutboxAsync), not in the middle of what it measures.
        builder.UseSetting("Byline:Outbox:Worker", "false");
        // Tests post forms at machine speed and many comments from one address; the tests of those limits set their own.
        foreach (var (key, value) in ModerationSettings.Concat(Settings))
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            // The context is pooled, so an IInterceptor service would not be seen; options configuration is.
            services.ConfigureDbContext<BylineDbContext>(options => options.AddInterceptors(Sql));
        });
    }

    /// <summary>
    /// A client of the app that does not follow redirects. On Kestrel it talks to the real socket the server listens on
    /// (use it there: CreateClient's default base address is not where Kestrel listens).
    /// </summary>
    public HttpClient CreateNoRedirectClient()
    {
        if (!kestrel)
        {
            return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        }
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reports no address.");
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(address) };
    }

    /// <summary>A DbContext on the app's database, for arranging data and asserting what was (not) stored.</summary>
    public BylineDbContext CreateDbContext()
    {
        // Make sure the app (and so its migrations) has started before a test touches the database.
        _ = Services;
        var options = new DbContextOptionsBuilder<BylineDbContext>();
        DataFeature.Configure(options, new BylineOptions
        {
            DataDirectory = dataDirectory,
            Database = new DatabaseOptions { Provider = provider, ConnectionString = ConnectionString },
        });
        return new BylineDbContext(options.Options);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (postgresDatabase is not null && ownsDatabase)
        {
            using var connection = new NpgsqlConnection(Databases.PostgresAdminConnection);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is cleaned with the temp folder; it must not fail a test.
        }
    }
}
