using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.BrowserTests.Infrastructure;

/// <summary>
/// The whole Byline app on a real Kestrel socket (127.0.0.1, a free port), on a fresh SQLite database seeded with the
/// demo site, so a real browser can talk to it. The clock is the real one: a browser lives in real time.
/// </summary>
public sealed class BylineServer : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "byline-browser-tests", Guid.NewGuid().ToString("N"));

    public BylineServer()
    {
        Directory.CreateDirectory(dataDirectory);
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The root address the server listens on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.Single().TrimEnd('/') + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Byline:DataDirectory", dataDirectory);
        builder.UseSetting("Byline:SeedDemo", "true");
        // Playwright fills and posts forms faster than people, many from one address.
        builder.UseSetting("Byline:Moderation:MinSecondsToSubmit", "0");
        builder.UseSetting("Byline:Moderation:GuestBurst", "100000");
        builder.UseSetting("Byline:Moderation:AccountBurst", "100000");
        builder.UseSetting("Byline:Moderation:AddressBurst", "100000");
        // Every story the tests make gets the same first comment, which the duplicate check would rightly hold.
        builder.UseSetting("Byline:Moderation:DuplicateWindowHours", "0");
        builder.UseSetting("Byline:Database:Provider", "sqlite");
        builder.UseSetting("Byline:Database:ConnectionString", $"Data Source={Path.Combine(dataDirectory, "byline.db")};Default Timeout=30");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is cleaned with the temp folder; it must not fail a test.
        }
    }
}
