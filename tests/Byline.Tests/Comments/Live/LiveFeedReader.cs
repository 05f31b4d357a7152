using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading.Channels;

namespace Byline.Tests.Comments.Live;

/// <summary>A story's live feed read as a browser's EventSource would, with every event kept for the test to inspect.</summary>
public sealed class LiveFeedReader : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly CancellationTokenSource stop = new();
    private readonly Channel<SseItem<string>> items = Channel.CreateUnbounded<SseItem<string>>();
    private readonly Task pump;

    private LiveFeedReader(HttpResponseMessage response)
    {
        this.response = response;
        pump = PumpAsync();
    }

    /// <summary>The last event id the stream gave (what a reconnecting browser sends back).</summary>
    public string? LastEventId { get; private set; }

    public static async Task<LiveFeedReader> OpenAsync(HttpClient client, string slug, string? lastEventId = null, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{slug}/live{query}");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = new LiveFeedReader(response);
        var ready = await stream.NextAsync();
        Assert.Equal("ready", ready.EventType);
        return stream;
    }

    private async Task PumpAsync()
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
            var parser = SseParser.Create(body);
            await foreach (var item in parser.EnumerateAsync(stop.Token))
            {
                LastEventId = parser.LastEventId;
                await items.Writer.WriteAsync(item, stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
        }
        finally
        {
            items.Writer.TryComplete();
        }
    }

    /// <summary>The next event of any kind; fails the test if none comes within <paramref name="timeout"/> (default 10 s).</summary>
    public async Task<SseItem<string>> NextAsync(TimeSpan? timeout = null)
    {
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await items.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException("No live event arrived in time.");
        }
    }

    /// <summary>The next comment event (pings skipped), parsed.</summary>
    public async Task<JsonElement> NextCommentAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var item = await NextAsync(timeout);
            if (item.EventType == "comment")
            {
                return JsonDocument.Parse(item.Data).RootElement.Clone();
            }
            Assert.Equal("ping", item.EventType);
        }
    }

    /// <summary>Asserts that no comment event arrives within <paramref name="wait"/>.</summary>
    public async Task AssertQuietAsync(TimeSpan wait)
    {
        using var timer = new CancellationTokenSource(wait);
        try
        {
            while (true)
            {
                var item = await items.Reader.ReadAsync(timer.Token);
                Assert.True(item.EventType == "ping", $"Unexpected live event '{item.EventType}': {item.Data}");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        response.Dispose();
        await pump;
        stop.Dispose();
    }
}
