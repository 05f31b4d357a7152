using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Byline.Web.Hosting;

/// <summary>Answers anonymous requests from the <see cref="PageCache"/> before anything else runs.</summary>
public sealed class PageCacheMiddleware(RequestDelegate next, PageCache cache)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!PageCache.IsCacheable(request) || !cache.TryGet(PageCache.KeyOf(request), out var page))
        {
            return next(context);
        }
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        foreach (var (name, value) in page.Headers)
        {
            response.Headers[name] = value;
        }
        return SendAsync(context, page);
    }

    /// <summary>Sends a page's body, as Brotli or gzip when the client accepts one and the page has that copy.</summary>
    public static Task SendAsync(HttpContext context, PageCache.Page page)
    {
        var response = context.Response;
        var encoding = PageCompression.Choose(context.Request.Headers.AcceptEncoding);
        var body = encoding switch
        {
            PageCompression.Brotli when page.Brotli is not null => page.Brotli,
            PageCompression.Gzip when page.Gzip is not null => page.Gzip,
            _ => null,
        };
        if (page.Brotli is not null || page.Gzip is not null)
        {
            // Caches between us and the reader keep one copy per encoding.
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }
        if (body is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }
        body ??= page.Body;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.BodyWriter.WriteAsync(body).AsTask();
    }
}

/// <summary>
/// Stores the response of an endpoint marked <see cref="CachedPageAttribute"/>: runs after routing, so it knows the
/// endpoint, and captures the body only for those pages.
/// </summary>
public sealed class PageCaptureMiddleware(RequestDelegate next, PageCache cache)
{
    private static readonly HashSet<string> Unstored = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Content-Length", "Transfer-Encoding", "Connection", "Set-Cookie",
    };

    public async Task InvokeAsync(HttpContext context)
    {
        var marker = context.GetEndpoint()?.Metadata.GetMetadata<CachedPageAttribute>();
        if (marker is null || !PageCache.IsCacheable(context.Request) || !HttpMethods.IsGet(context.Request.Method))
        {
            await next(context);
            return;
        }

        var tags = new PageTags(marker.Tags);
        context.Features.Set(tags);
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        PageCache.Page? page = null;
        if (response.StatusCode == StatusCodes.Status200OK && StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            var headers = response.Headers.Where(h => !Unstored.Contains(h.Key)).ToArray();
            page = cache.Store(PageCache.KeyOf(context.Request), buffer.ToArray(), headers, tags.Tags);
        }
        if (buffer.Length == 0)
        {
            // Nothing written (e.g. a bare 404): leave the response as it is for the status-code pages.
            return;
        }
        if (!response.HasStarted)
        {
            if (page is not null)
            {
                // The first reader gets what every later one will: the same bytes, the same encoding.
                await PageCacheMiddleware.SendAsync(context, page);
                return;
            }
            response.ContentLength = buffer.Length;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }
}

/// <summary>What evicts the page being rendered; a page adds its own (e.g. its story's tag).</summary>
public sealed class PageTags(IEnumerable<string> initial)
{
    public HashSet<string> Tags { get; } = new(initial, StringComparer.Ordinal);

    public static void Add(HttpContext context, string tag) => context.Features.Get<PageTags>()?.Tags.Add(tag);
}
