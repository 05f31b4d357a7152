using System.Diagnostics;
using System.Globalization;
using Byline.Data;
using Byline.Web.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Bench.Search;

/// <summary>
/// Query latency in the process, as the search page and the API run it: a scope (a pooled DbContext) per query, the
/// input checked, then <see cref="SiteSearch.SearchAsync"/> for page 1. The engine's own share
/// (<see cref="ISearchEngine.FindAsync"/>, the ranked ids) is timed inside the same call; the rest is hydration (the
/// stories and comments of the page, visibility checked) and snippets.
/// </summary>
public static class Latency
{
    public sealed record Sample(Query Query, double FindMs, double FullMs, int Results);

    public static async Task<List<Sample>> RunAsync(IServiceProvider services, IEnumerable<Query> queries, CancellationToken cancellationToken)
    {
        var engine = services.GetRequiredService<ISearchEngine>();
        var samples = new List<Sample>();
        foreach (var query in queries)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
            var (value, error) = await new SearchInput(query.Q, query.Type, query.Section, Sort: query.Sort)
                .CheckAsync(db, TimeZoneInfo.Utc, cancellationToken);
            if (error is not null)
            {
                throw new InvalidOperationException($"The query “{query.Q}” was refused: {error.Message}");
            }
            var timed = new TimedEngine(engine);
            var search = new SiteSearch(db, timed);
            var start = Stopwatch.GetTimestamp();
            var results = await search.SearchAsync(value!.Request, value.Page, cancellationToken);
            var full = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            samples.Add(new Sample(query, timed.Milliseconds, full, results.Hits.Count));
        }
        return samples;
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    /// <summary>Times the engine's call inside the search it is part of.</summary>
    private sealed class TimedEngine(ISearchEngine inner) : ISearchEngine
    {
        public double Milliseconds { get; private set; }

        public async Task<IReadOnlyList<long>> FindAsync(BylineDbContext db, SearchRequest request, int skip, int take, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            var ids = await inner.FindAsync(db, request, skip, take, cancellationToken);
            Milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            return ids;
        }
    }
}
