namespace Byline.Tests.Infrastructure;

/// <summary>
/// One app per storage engine, created on first use and shared by the tests of a class (xUnit runs them one at a time).
/// Each app migrates a fresh database, so sharing keeps the suite fast; tests keep apart by using their own story slugs.
/// </summary>
public sealed class BylineApps : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, BylineFactory> apps = [];

    public BylineFactory this[string provider]
    {
        get
        {
            lock (gate)
            {
                if (!apps.TryGetValue(provider, out var app))
                {
                    app = new BylineFactory(provider);
                    apps[provider] = app;
                }
                return app;
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var app in apps.Values)
            {
                app.Dispose();
            }
            apps.Clear();
        }
    }
}
