using System.Globalization;
using Npgsql;

namespace Byline.Bench.Search;

/// <summary>
/// How much room the search index takes on PostgreSQL, next to the rest of the database (SQLite's is measured by the
/// run script with the sqlite3 shell's dbstat, which the SQLite bundled with Byline leaves out).
/// </summary>
public static class Sizes
{
    /// <summary>PostgreSQL: SearchDocuments (heap and TOAST, with the stored tsvector), its GIN index, its other indexes.</summary>
    public static void Postgres(string connectionString, TextWriter output)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        long Scalar(string sql)
        {
            using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        var table = Scalar("""SELECT pg_table_size('"SearchDocuments"')""");
        var gin = Scalar("""SELECT pg_relation_size('"IX_SearchDocuments_Terms"')""");
        var total = Scalar("""SELECT pg_total_relation_size('"SearchDocuments"')""");
        var database = Scalar("SELECT pg_database_size(current_database())");
        output.WriteLine($"  GIN index IX_SearchDocuments_Terms              {Mb(gin),10}");
        output.WriteLine($"  SearchDocuments heap + TOAST (terms, tsvector)  {Mb(table),10}");
        output.WriteLine($"  its other indexes (primary key, ids)            {Mb(total - table - gin),10}");
        output.WriteLine($"  search in all (pg_total_relation_size)          {Mb(total),10}");
        output.WriteLine($"  the rest of the database                        {Mb(database - total),10}");
        output.WriteLine($"  search / rest                                   {(double)total / (database - total),10:F2}x");
    }

    public static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MB";
}
