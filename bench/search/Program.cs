using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Byline.Bench.Search;
using Byline.Data;
using Byline.Web.Data;
using Byline.Web.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

// bench/search: run by bench/search/run, one verb per step (see README.md).
//   generate --provider sqlite --data DIR | --provider postgres --connection CS   [--stories N --comments N --seed S]
//   rebuild  (same database options)      build the index with Byline's SearchRebuild, timed
//   sizes --connection CS                 PostgreSQL: the index's size next to the rest
//   latency  (same database options) --queries N --warmup N [--counts FILE]   in-process p50/p95/p99 per class
//   http --base URL --nginx URL --www DIR --queries N                         Byline's API against nginx
//   createdb|dropdb --connection CS --name NAME
var verb = args.Length > 0 ? args[0] : "";
var options = args.Select((a, i) => (a, i)).Where(p => p.i > 0 && p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : "true",
        StringComparer.Ordinal);
string Option(string name, string fallback) => options.GetValueOrDefault(name, fallback);
int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
var provider = Option("provider", "sqlite");
var postgres = provider == "postgres";
var seed = Number("seed", 20260501);
using var cancel = new CancellationTokenSource();
var ct = cancel.Token;

switch (verb)
{
    case "createdb":
    case "dropdb":
    {
        await using var connection = new NpgsqlConnection(options["connection"]);
        await connection.OpenAsync(ct);
        var name = options["name"];
        foreach (var sql in verb == "createdb"
            ? (string[])[$"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", $"CREATE DATABASE \"{name}\""]
            : [$"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"])
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }
        return 0;
    }
    case "generate":
    {
        var stories = Number("stories", 50_000);
        var comments = Number("comments", 1_000_000);
        var started = Stopwatch.GetTimestamp();
        var site = new Site(seed, stories, comments);
        using IRowSink sink = postgres ? new PostgresSink(options["connection"]) : new SqliteSink(Path.Combine(options["data"], "byline.db"));
        site.Write(sink, line => Console.Error.WriteLine($"  {line} ({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s)"));
        Console.WriteLine($"generated {stories:N0} stories and {comments:N0} comments (seed {seed}) in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s");
        return 0;
    }
    case "rebuild":
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
        var started = Stopwatch.GetTimestamp();
        var documents = await SearchRebuild.RunAsync(db, services.GetRequiredService<WriteGate>(), (done, total) =>
        {
            if (done % 5000 == 0 || done == total)
            {
                Console.Error.WriteLine($"  {done} of {total} stories ({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s)");
            }
        }, ct);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"index built: {documents:N0} documents in {seconds:F0} s ({documents / seconds:F0} documents/s)");
        if (postgres)
        {
            // What autovacuum does on a live site after a million inserts: statistics and a visibility map.
            started = Stopwatch.GetTimestamp();
            await db.Database.ExecuteSqlRawAsync("""VACUUM ANALYZE "SearchDocuments" """, ct);
            Console.WriteLine($"VACUUM ANALYZE \"SearchDocuments\" afterwards: {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s");
        }
        return 0;
    }
    case "sizes":
    {
        Sizes.Postgres(options["connection"], Console.Out);
        return 0;
    }
    case "latency":
    {
        await using var services = Services();
        var corpus = new Corpus(seed);
        var perClass = Number("queries", 200);
        var warmup = Queries.Draw(corpus, seed + 1, Number("warmup", 30));
        var measured = Queries.Draw(corpus, seed + 2, perClass);
        await Latency.RunAsync(services, warmup, ct);
        var samples = await Latency.RunAsync(services, measured, ct);
        var counts = await MatchCountsAsync(services, measured, Option("counts", ""));
        return Report(samples, counts, Number("target-p95", 50)) ? 0 : 1;
    }
    case "http":
    {
        var corpus = new Corpus(seed);
        var measured = Queries.Draw(corpus, seed + 3, Number("queries", 200));
        var warmup = Queries.Draw(corpus, seed + 4, 10);
        var ok = await HttpReference.RunAsync(new Uri(options["base"]), new Uri(options["nginx"]), options["www"], warmup, measured, Console.Out);
        return ok ? 0 : 2;
    }
    default:
        Console.Error.WriteLine("verbs: createdb, dropdb, generate, rebuild, sizes, latency, http (see Program.cs)");
        return 2;
}

ServiceProvider Services()
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Byline:DataDirectory"] = options.GetValueOrDefault("data"),
        ["Byline:Database:Provider"] = provider,
        ["Byline:Database:ConnectionString"] = postgres ? options["connection"] : null,
    }).Build();
    var services = new ServiceCollection();
    // --log-sql: every command with its duration on standard error, to see where a slow step spends its time.
    var logSql = options.ContainsKey("log-sql");
    services.AddLogging(logging => logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).AddSimpleConsole(o => o.SingleLine = true)
        .AddFilter((category, level) => logSql && level >= LogLevel.Information
            && category?.StartsWith("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal) == true));
    services.AddSingleton<IConfiguration>(configuration);
    services.AddSingleton(TimeProvider.System);
    // The model is built for Identity's schema version 3, which the app sets through its accounts feature.
    services.Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => o.Stores.SchemaVersion = BylineDbContext.IdentitySchema);
    services.AddData(configuration).AddSearch();
    return services.BuildServiceProvider();
}

// How many documents each query matches, from the SQLite index (the engines index the same terms). Computed on the
// SQLite run and saved, so that the PostgreSQL run can print the same column without counting on PostgreSQL.
async Task<Dictionary<Query, long>> MatchCountsAsync(ServiceProvider services, List<Query> queries, string file)
{
    var counts = new Dictionary<Query, long>();
    if (postgres)
    {
        if (File.Exists(file))
        {
            // A class may draw the same query twice; the same query has the same count.
            var saved = new Dictionary<string, long>();
            foreach (var line in File.ReadAllLines(file))
            {
                var cut = line.LastIndexOf('\t');
                saved[line[..cut]] = long.Parse(line[(cut + 1)..], CultureInfo.InvariantCulture);
            }
            foreach (var query in queries)
            {
                if (saved.TryGetValue(CountKey(query), out var count))
                {
                    counts[query] = count;
                }
            }
        }
        return counts;
    }
    // The engine's own MATCH expression (internal to Byline.Web), so the count is of exactly what it searched.
    var match = typeof(SqliteSearchEngine).GetMethod("Match", BindingFlags.NonPublic | BindingFlags.Static)!;
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
    var connection = (SqliteConnection)db.Database.GetDbConnection();
    await connection.OpenAsync(ct);
    foreach (var query in queries)
    {
        var (value, _) = await new SearchInput(query.Q, query.Type, query.Section, Sort: query.Sort).CheckAsync(db, TimeZoneInfo.Utc, ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT count(*) FROM "SearchIndex" WHERE "SearchIndex" MATCH $match""";
        command.Parameters.AddWithValue("$match", (string)match.Invoke(null, [value!.Request])!);
        counts[query] = (long)(await command.ExecuteScalarAsync(ct))!;
    }
    if (file.Length > 0)
    {
        await File.WriteAllLinesAsync(file, counts.Select(c => $"{CountKey(c.Key)}\t{c.Value}"), ct);
    }
    return counts;
}

static string CountKey(Query query) => $"{query.Class}\t{query.Q}\t{query.Section}";

bool Report(List<Latency.Sample> samples, Dictionary<Query, long> counts, double targetP95)
{
    var engine = postgres ? "PostgreSQL" : "SQLite";
    Console.WriteLine($"{engine}: page 1 (20 results) per query, {samples.Count / Queries.Classes.Length} queries per class, after a warm-up; ms");
    Console.WriteLine($"{"class",-22} {"matches p50",11} {"p95",8} | {"engine p50",10} {"p95",7} {"p99",7} | {"search p50",10} {"p95",7} {"p99",7} {"max",7}");
    var met = true;
    foreach (var group in samples.GroupBy(s => s.Query.Class))
    {
        var find = group.Select(s => s.FindMs).ToList();
        var full = group.Select(s => s.FullMs).ToList();
        var matches = group.Where(s => counts.ContainsKey(s.Query)).Select(s => (double)counts[s.Query]).ToList();
        var p95 = Latency.Percentile(full, 0.95);
        met &= postgres || p95 < targetP95;
        Console.WriteLine($"{group.Key,-22} {Count(Latency.Percentile(matches, 0.5)),11} {Count(Latency.Percentile(matches, 0.95)),8} | " +
            $"{Latency.Ms(Latency.Percentile(find, 0.5)),10} {Latency.Ms(Latency.Percentile(find, 0.95)),7} {Latency.Ms(Latency.Percentile(find, 0.99)),7} | " +
            $"{Latency.Ms(Latency.Percentile(full, 0.5)),10} {Latency.Ms(p95),7} {Latency.Ms(Latency.Percentile(full, 0.99)),7} {Latency.Ms(full.Max()),7}" +
            (!postgres && p95 >= targetP95 ? "  MISSED" : ""));
    }
    // Where the time goes: the engine's time by how many documents the query matches.
    if (counts.Count > 0)
    {
        Console.WriteLine();
        Console.WriteLine($"{engine}, all classes, engine time by matches:");
        foreach (var bucket in samples.Where(s => counts.ContainsKey(s.Query)).GroupBy(s => Bucket(counts[s.Query])).OrderBy(g => g.Key))
        {
            var find = bucket.Select(s => s.FindMs).ToList();
            var full = bucket.Select(s => s.FullMs).ToList();
            Console.WriteLine($"  {BucketName(bucket.Key),-18} {bucket.Count(),5} queries  engine p50 {Latency.Ms(Latency.Percentile(find, 0.5)),7} p95 {Latency.Ms(Latency.Percentile(find, 0.95)),7}  " +
                $"search p50 {Latency.Ms(Latency.Percentile(full, 0.5)),7} p95 {Latency.Ms(Latency.Percentile(full, 0.95)),7}");
        }
    }
    if (!postgres)
    {
        Console.WriteLine();
        Console.WriteLine(met ? $"target met: search p95 under {targetP95} ms in every class" : $"TARGET MISSED: search p95 at or over {targetP95} ms in a class");
    }
    return met;

    static string Count(double value) => double.IsNaN(value) ? "-" : value.ToString("N0", CultureInfo.InvariantCulture);
    static int Bucket(long count) => count switch { 0 => 0, < 1_000 => 1, < 10_000 => 2, < 100_000 => 3, _ => 4 };
    static string BucketName(int bucket) => bucket switch
    {
        0 => "no match",
        1 => "1–999",
        2 => "1,000–9,999",
        3 => "10,000–99,999",
        _ => "100,000 and more",
    };
}
