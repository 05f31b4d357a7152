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
}
