namespace Byline.Tests.Infrastructure;

/// <summary>The storage engines every storage test runs on. PostgreSQL is a real server started by scripts/test.</summary>
public static class Databases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> All => [Sqlite, Postgres];

    /// <summary>The admin connection string of the test server; a missing server is a failure, never a skip.</summary>
    public static string PostgresAdminConnection =>
        Environment.GetEnvironmentVariable("BYLINE_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "BYLINE_TEST_POSTGRES is not set. Run the tests with scripts/test, which starts PostgreSQL for them.");
}
