namespace Byline.Web.Data;

/// <summary>The "Byline" configuration section (environment: Byline__Database__Provider=postgres, …).</summary>
public sealed class BylineOptions
{
    public const string SectionName = "Byline";

    /// <summary>Folder for the SQLite database and other local state; the CLI's --data.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Seed the demo site when the database has no stories; the CLI's --no-demo turns it off.</summary>
    public bool SeedDemo { get; set; } = true;

    public DatabaseOptions Database { get; set; } = new();
}

public sealed class DatabaseOptions
{
    /// <summary>"sqlite" (default) or "postgres".</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Required for postgres; for sqlite, defaults to byline.db in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the app starts (EF Core serializes concurrent runs with a lock).</summary>
    public bool MigrateOnStart { get; set; } = true;

    public bool IsPostgres => Provider.Equals("postgres", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase);
}
