using System.Net.Http.Json;
using System.Text.Json;
using Byline.Data.Articles;
using Byline.Web.Articles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Byline.BrowserTests.Infrastructure;

/// <summary>
/// One running Byline (demo site on SQLite) and one headless Chromium, shared by every test of the browser collection.
/// Each test opens its own browser context (fresh cookies, its own JavaScript setting) and, when it writes, its own story.
/// </summary>
public sealed class BylineSite : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>A demo story with a long, threaded, multilingual discussion (Chinese, Japanese, Arabic, emoji).</summary>
    public const string DemoStoryPath = "/world/averel-accord-shipping-emissions";

    /// <summary>A demo story written in Chinese.</summary>
    public const string ChineseStoryPath = "/world/corvalia-bremark-night-train-returns";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly BylineServer server = new();
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string chromium = "";
    private int storyNumber;
    private bool disposed;

    public Uri Address => server.Address;

    /// <summary>The running app's services, for arranging what a browser journey starts from (accounts, revisions).</summary>
    public IServiceProvider Services => server.Services;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    public HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        server.Start();
        Api = new HttpClient { BaseAddress = server.Address };
        chromium = Environment.GetEnvironmentVariable("BYLINE_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"No Chromium at {chromium}: install Debian's (apt-get install -y chromium) or set BYLINE_CHROMIUM. Playwright's own browser download is not used.");
        }
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        Api?.Dispose();
        await server.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    /// <summary>
    /// Another Chromium, with switches of its own added to the usual ones, for a test that needs the browser itself
    /// set up differently (caret browsing); the test disposes it.
    /// </summary>
    public Task<IBrowser> LaunchBrowserAsync(params string[] extraArgs) =>
        (playwright ?? throw new InvalidOperationException("Playwright has not started.")).Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = [.. ChromiumArgs, .. extraArgs],
        });

    /// <summary>A context of <paramref name="browser"/> set up as <see cref="NewContextAsync"/> sets up the shared browser's.</summary>
    public async Task<IBrowserContext> NewContextAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>A fresh browser context (no cookies, its own JavaScript setting); dispose it to close its pages.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true, ColorScheme colorScheme = ColorScheme.Light, int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            JavaScriptEnabled = javaScript,
            ColorScheme = colorScheme,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>
    /// A new story of its own (through the same importer the CLI uses), with every element of the anatomy, and one
    /// approved top-level comment posted through the JSON API. Returns the story's path and that comment's id.
    /// </summary>
    public async Task<(string Path, long CommentId)> AddStoryWithCommentAsync(string topic)
    {
        var (path, ids) = await AddStoryAsync(topic, comments: 1);
        return (path, ids[0]);
    }

    /// <summary>A new story of its own with <paramref name="comments"/> top-level comments, oldest first.</summary>
    public async Task<(string Path, IReadOnlyList<long> CommentIds)> AddStoryAsync(string topic, int comments)
    {
        var slug = $"{topic}-{Interlocked.Increment(ref storyNumber)}-{Guid.NewGuid().ToString("N")[..6]}";
        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync(new StoryDocument
            {
                Headline = "Harbour levy agreed after all-night talks",
                Slug = slug,
                Standfirst = "Delegates agreed a levy on heavy fuel.",
                Writers = ["Ingrid Halvorsen"],
                Published = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero),
                SectionName = "World",
                SectionSlug = "world",
                Language = "en",
                Source = new SourceCitation
                {
                    Outlet = "The Harbour Ledger",
                    OriginalTitle = "Levy agreed at dawn",
                    OriginalDate = new DateOnly(2026, 11, 19),
                    Url = "https://example.com/ledger/levy",
                },
                DisclaimerMode = DisclaimerMode.Custom,
                DisclaimerText = "Byline paid for its own travel.",
                Body = "The levy was agreed after a long night.\n\nDelegates left at dawn.\n\n> A small fund is better than no fund.\n>\n> — Samira Al-Haddad, minister for ports\n",
            });
        }

        var ids = new List<long>();
        for (var i = 0; i < comments; i++)
        {
            var body = i == 0 ? "The first comment on this story." : $"Comment number {i + 1} on this story.";
            using var response = await Api.PostAsJsonAsync($"api/v1/articles/{slug}/comments", new { body, authorName = "Harriet Colebrook" });
            var json = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            ids.Add(json.GetProperty("id").GetInt64());
        }
        return ($"/world/{slug}", ids);
    }
}
