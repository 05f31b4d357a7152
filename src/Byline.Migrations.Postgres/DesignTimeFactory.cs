using Byline.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Byline.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the PostgreSQL model without starting the web app; no server is contacted to diff the model.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BylineDbContext>
{
    public BylineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BylineDbContext>()
            .UseNpgsql(
                Environment.GetEnvironmentVariable("BYLINE_TEST_POSTGRES") ?? "Host=127.0.0.1;Database=byline;Username=postgres",
                npgsql => npgsql.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
