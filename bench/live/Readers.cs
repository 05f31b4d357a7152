using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Byline.Bench.Live;

/// <summary>
/// Many open story pages: each holds the story's event stream and, like live.js, fetches a new comment's fragment when
/// it hears of it. Records when each reader heard of each comment and when it had the comment's HTML.
/// </summary>
public sealed class Readers(HttpClient http, string slug, bool fetchFragments) : IAsyncDisposable
{
    public sealed record Seen(long CommentId, long HeardAt, long DisplayedAt);

    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> tasks = [];
    private int ready;

    public ConcurrentBag<Seen> Log { get; } = [];
    public int Ready => Volatile.Read(ref ready);
    private int failed;
    public int Failed => Volatile.Read(ref failed);

    public void Open(int count)
    {
        for (var i = 0; i < count; i++)
        {
            tasks.Add(Task.Run(ReadAsync));
        }
    }

    public async Task WaitReadyAsync(int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Ready + Failed < count)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Only {Ready} of {count} readers connected within {timeout.TotalSeconds} s ({Failed} failed).");
            }
            await Task.Delay(50);
        }
        if (Failed > 0)
        {
            throw new InvalidOperationException($"{Failed} of {count} readers could not connect.");
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{slug}/live");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(stop.Token))
            {
                if (item.EventType == "ready")
                {
                    Interlocked.Increment(ref ready);
                }
                else if (item.EventType == "comment")
                {
                    var heard = Stopwatch.GetTimestamp();
                    using var json = JsonDocument.Parse(item.Data);
                    var id = json.RootElement.GetProperty("commentId").GetInt64();
                    var displayed = heard;
                    if (fetchFragments)
                    {
                        using var fragment = await http.GetAsync($"/comments/{id}/fragment", stop.Token);
                        fragment.EnsureSuccessStatusCode();
                        await fragment.Content.ReadAsByteArrayAsync(stop.Token);
                        displayed = Stopwatch.GetTimestamp();
                    }
                    Log.Add(new Seen(id, heard, displayed));
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (!stop.IsCancellationRequested)
        {
            Interlocked.Increment(ref failed);
            Console.Error.WriteLine($"reader failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(tasks);
        stop.Dispose();
    }
}
