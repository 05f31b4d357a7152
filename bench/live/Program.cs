using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Byline.Bench.Live;

// bench/live: run by bench/live/run, which starts Byline and nginx and passes their addresses and process ids.
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => args[p.i + 1], StringComparer.Ordinal);
var baseUrl = new Uri(options["base"]);
var slug = options["slug"];
var serverPid = int.Parse(options["server-pid"], CultureInfo.InvariantCulture);
var nginx = new Uri(options["nginx"]);
var nginxPids = options["nginx-pids"].Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
var idle = int.Parse(options.GetValueOrDefault("idle", "2000"), CultureInfo.InvariantCulture);
var readers = int.Parse(options.GetValueOrDefault("readers", "1000"), CultureInfo.InvariantCulture);
var posts = int.Parse(options.GetValueOrDefault("posts", "30"), CultureInfo.InvariantCulture);

using var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = int.MaxValue,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
    UseCookies = false,
})
{ BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };

var settle = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("settle", "3"), CultureInfo.InvariantCulture));
async Task SettleAsync() => await Task.Delay(settle);
static string Kb(double bytes) => (bytes / 1024).ToString("F1", CultureInfo.InvariantCulture);

// ---- 1. The reference: nginx holding the same number of idle keep-alive connections (each served one page first).
var nginxBefore = Proc.RssBytes(nginxPids);
var sockets = new List<Socket>();
var request = Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: {nginx.Host}\r\nConnection: keep-alive\r\n\r\n");
var buffer = new byte[256 * 1024];
for (var i = 0; i < idle; i++)
{
    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    await socket.ConnectAsync(IPAddress.Loopback, nginx.Port);
    await socket.SendAsync(request);
    await socket.ReceiveAsync(buffer);
    sockets.Add(socket);
}
await SettleAsync();
var nginxPer = (Proc.RssBytes(nginxPids) - nginxBefore) / (double)idle;
sockets.ForEach(s => s.Dispose());

// ---- 2. Byline holding idle live readers.
var rssBefore = Proc.RssBytes([serverPid]);
var threadsBefore = Proc.Threads(serverPid);
double bylinePer;
long threadsIdle;
await using (var idleReaders = new Readers(http, slug, fetchFragments: false))
{
    var clock = Stopwatch.StartNew();
    idleReaders.Open(idle);
    await idleReaders.WaitReadyAsync(idle, TimeSpan.FromMinutes(2));
    Console.WriteLine($"{idle} live readers connected in {clock.Elapsed.TotalSeconds:F1} s");
    await SettleAsync();
    bylinePer = (Proc.RssBytes([serverPid]) - rssBefore) / (double)idle;
    threadsIdle = Proc.Threads(serverPid);
}

Console.WriteLine();
Console.WriteLine($"idle connections held: {idle}");
Console.WriteLine($"server threads: {threadsBefore} before, {threadsIdle} with {idle} readers");
Console.WriteLine($"memory per connection: Byline {Kb(bylinePer)} KiB, nginx (idle keep-alive) {Kb(nginxPer)} KiB, ratio {bylinePer / nginxPer:F1}x");

// ---- 3. Delay from post to display: one reader (the reference), then many.
var marker = Guid.NewGuid().ToString("N")[..8];
async Task<(double P50, double P95, double P99, double HeardP99, double PostP50, int Samples, int Missing)> MeasureAsync(int count, int posts)
{
    await using var group = new Readers(http, slug, fetchFragments: true);
    group.Open(count);
    await group.WaitReadyAsync(count, TimeSpan.FromMinutes(2));
    await Task.Delay(1000);
    var sent = new Dictionary<long, long>();
    var postMs = new List<double>();
    for (var i = 0; i < posts; i++)
    {
        var start = Stopwatch.GetTimestamp();
        var response = await http.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", new
        {
            authorName = "Bench Reader",
            body = $"Live bench comment {marker} {count} {i}: readers should see this within a second.",
        });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        sent[id] = start;
        postMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        await Task.Delay(250);
    }
    var deadline = Stopwatch.StartNew();
    while (group.Log.Count(s => sent.ContainsKey(s.CommentId)) < count * posts && deadline.Elapsed < TimeSpan.FromSeconds(20))
    {
        await Task.Delay(100);
    }
    var seen = group.Log.Where(s => sent.ContainsKey(s.CommentId)).ToList();
    double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
    var shown = seen.Select(s => Ms(sent[s.CommentId], s.DisplayedAt)).Order().ToArray();
    var heard = seen.Select(s => Ms(sent[s.CommentId], s.HeardAt)).Order().ToArray();
    double P(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    return (P(shown, 0.50), P(shown, 0.95), P(shown, 0.99), P(heard, 0.99), P([.. postMs.Order()], 0.5), seen.Count, count * posts - seen.Count);
}

// A first round that is not counted: the paths' first calls compile them (JIT), as on any site after its first minute.
await MeasureAsync(10, 5);
var single = await MeasureAsync(1, posts);
var many = await MeasureAsync(readers, posts);
Console.WriteLine();
Console.WriteLine($"post to display (event + fragment fetched), {posts} comments, 4 per second:");
Console.WriteLine($"  1 reader:     p50 {single.P50:F1} ms  p95 {single.P95:F1} ms  p99 {single.P99:F1} ms  (event alone p99 {single.HeardP99:F1} ms; the post's own 201 p50 {single.PostP50:F1} ms)  samples {single.Samples}, missing {single.Missing}");
Console.WriteLine($"  {readers} readers: p50 {many.P50:F1} ms  p95 {many.P95:F1} ms  p99 {many.P99:F1} ms  (event alone p99 {many.HeardP99:F1} ms; the post's own 201 p50 {many.PostP50:F1} ms)  samples {many.Samples}, missing {many.Missing}");
Console.WriteLine($"  p99 ratio {readers} readers / 1 reader: {many.P99 / single.P99:F1}x");

var ok = many.Missing == 0 && single.Missing == 0 && many.P99 < 1000 && threadsIdle < threadsBefore + 50;
Console.WriteLine();
Console.WriteLine(ok ? "targets met: no event lost, p99 under 1 s at " + readers + " readers, idle readers hold no threads"
    : "TARGET MISSED");
return ok ? 0 : 1;
