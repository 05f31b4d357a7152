namespace Byline.Web.Hosting;

/// <summary>
/// Routes that answer HEAD as well as GET. Crawlers, feed readers and link checkers ask HEAD first; a minimal-API GET
/// alone would answer them 405. Kestrel sends a HEAD response's headers and drops its body.
/// </summary>
public static class GetAndHead
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static RouteHandlerBuilder MapGetAndHead(this IEndpointRouteBuilder app, string pattern, Delegate handler) =>
        app.MapMethods(pattern, Methods, handler);
}
