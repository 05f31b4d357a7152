using System.Diagnostics;

namespace Byline.Bench.Search;

/// <summary>
/// The reference measured in the same run: each query over HTTP to the running Byline (`GET /api/v1/search`), its
/// response saved as a file, then the same files from nginx, one request at a time on one keep-alive connection
/// each. The ratio says what searching costs over serving the same bytes.
/// </summary>
public static class HttpReference
{
    public static async Task<bool> RunAsync(Uri byline, Uri nginx, string www, IReadOnlyList<Query> warmup, IReadOnlyList<Query> queries, TextWriter output)
    {
        using var bylineClient = Client(byline);
        using var nginxClient = Client(nginx);
        foreach (var query in warmup)
        {
            using var response = await bylineClient.GetAsync(new Uri(query.ApiPath(), UriKind.Relative));
        }
        var ok = true;
        output.WriteLine($"{"class",-22} {"n",4} {"Byline p50",11} {"p95",8} {"nginx p50",10} {"p95",8} {"ratio p50",10} {"p95",8} {"bytes p50",10}");
        foreach (var group in queries.GroupBy(q => q.Class))
        {
            var bylineMs = new List<double>();
            var nginxMs = new List<double>();
            var sizes = new List<double>();
            var folder = Path.Combine(www, group.Key.Replace(' ', '_').Replace('+', '_'));
            Directory.CreateDirectory(folder);
            var i = 0;
            foreach (var query in group)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await bylineClient.GetAsync(new Uri(query.ApiPath(), UriKind.Relative));
                var body = await response.Content.ReadAsByteArrayAsync();
                bylineMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    output.WriteLine($"  {query.ApiPath()} answered {(int)response.StatusCode}");
                    ok = false;
                }
                sizes.Add(body.Length);
                await File.WriteAllBytesAsync(Path.Combine(folder, $"{i++}.json"), body);
            }
            var folderName = Path.GetFileName(folder);
            for (var j = 0; j < i; j++)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await nginxClient.GetAsync(new Uri($"/{folderName}/{j}.json", UriKind.Relative));
                _ = await response.Content.ReadAsByteArrayAsync();
                nginxMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                ok &= response.IsSuccessStatusCode;
            }
            double P(List<double> values, double p) => Latency.Percentile(values, p);
            output.WriteLine($"{group.Key,-22} {bylineMs.Count,4} {Latency.Ms(P(bylineMs, 0.5)),11} {Latency.Ms(P(bylineMs, 0.95)),8} " +
                $"{Latency.Ms(P(nginxMs, 0.5)),10} {Latency.Ms(P(nginxMs, 0.95)),8} {P(bylineMs, 0.5) / P(nginxMs, 0.5),9:F1}x {P(bylineMs, 0.95) / P(nginxMs, 0.95),7:F1}x {P(sizes, 0.5),10:F0}");
        }
        return ok;
    }

    private static HttpClient Client(Uri address) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    })
    { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
}
