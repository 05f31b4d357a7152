using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Byline.Web.Hosting;

/// <summary>
/// Absolute links for what is sent outside a request (mail from a background worker): Byline:PublicUrl when it is set,
/// which it should be behind a proxy; otherwise the first address this server listens on, right for one machine.
/// </summary>
public sealed class SiteLinks(IConfiguration configuration, IServer server)
{
    public string Absolute(string path)
    {
        var baseUrl = configuration["Byline:PublicUrl"] is { Length: > 0 } configured
            ? configured
            : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        return baseUrl.TrimEnd('/') + path;
    }

    /// <summary>
    /// Absolute links inside a response (canonical URLs, structured data, sitemaps): Byline:PublicUrl when it is set,
    /// otherwise the address the request came to, which is the one its reader can follow.
    /// </summary>
    public string Absolute(HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        return configuration["Byline:PublicUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/') + path
            : $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}{path}";
    }
}
