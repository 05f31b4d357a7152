using Byline.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Byline.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the SQLite model without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BylineDbContext>
{
    public BylineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BylineDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
