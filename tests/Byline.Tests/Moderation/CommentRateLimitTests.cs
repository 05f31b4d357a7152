using System.Net;
using System.Text.Json;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Moderation;

/// <summary>One app per engine with tight posting limits, shared by the tests of this class; each test posts from its own addresses.</summary>
public sealed class RateLimitedApps : IDisposable
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
                    app.ModerationSettings["Byline:Moderation:GuestBurst"] = "2";
                    app.ModerationSettings["Byline:Moderation:GuestRefillSeconds"] = "60";
                    app.ModerationSettings["Byline:Moderation:AccountBurst"] = "3";
                    app.ModerationSettings["Byline:Moderation:AccountRefillSeconds"] = "20";
                    app.ModerationSettings["Byline:Moderation:AddressBurst"] = "1000";
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

/// <summary>Token buckets on posting, driven by the app's fake clock.</summary>
public sealed class CommentRateLimitTests(RateLimitedApps apps) : IClassFixture<RateLimitedApps>
{
    private static int nextAddress;

    private static string NewAddress() => $"198.51.100.{Interlocked.Increment(ref nextAddress)}";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task GuestBurstExceededAnswers429WithRetryAfterStoresNothingAndTheClockRestoresIt(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var address = NewAddress();

        var first = await factory.PostFromAsync(address, slug, "One.");
        var second = await factory.PostFromAsync(address, slug, "Two.");
        var refused = await factory.PostFromAsync(address, slug, "Three, too soon.");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.Status, second.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.StartsWith("application/problem+json", refused.Headers.ContentType.ToString());
        var problem = JsonDocument.Parse(refused.Body).RootElement;
        Assert.Equal("rate-limited", problem.GetProperty("code").GetString());
        var retryAfter = int.Parse(refused.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal((2, 2), await factory.CommentCountsAsync(slug));
        Assert.DoesNotContain(await factory.CommentsOfAsync(slug), c => c.BodyMarkdown.StartsWith("Three", StringComparison.Ordinal));

        factory.Time.Advance(TimeSpan.FromSeconds(retryAfter));
        var restored = await factory.PostFromAsync(address, slug, "Three, in good time.");

        Assert.Equal(HttpStatusCode.Created, restored.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await factory.PostFromAsync(address, slug, "Four, too soon again.")).Status);
        Assert.Equal((3, 3), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnAccountHasItsOwnAllowanceApartFromItsAddressAsAGuest(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var reader = await factory.CreateUserAsync();
        var address = NewAddress();

        var guests = new[]
        {
            (await factory.PostFromAsync(address, slug, "Guest one.")).Status,
            (await factory.PostFromAsync(address, slug, "Guest two.")).Status,
            (await factory.PostFromAsync(address, slug, "Guest three.")).Status,
        };
        // The same address, signed in: the guests' bucket is empty, the account's is full.
        var account = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            account.Add((await factory.PostFromAsync(address, slug, $"Signed in {i}.", reader.Token)).Status);
        }
        // A guest elsewhere is not affected; the account is limited wherever it posts from.
        var otherGuest = (await factory.PostFromAsync(NewAddress(), slug, "Another guest.")).Status;
        var accountElsewhere = (await factory.PostFromAsync(NewAddress(), slug, "Signed in, elsewhere.", reader.Token)).Status;

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], guests);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], account);
        Assert.Equal(HttpStatusCode.Created, otherGuest);
        Assert.Equal(HttpStatusCode.TooManyRequests, accountElsewhere);
        Assert.Equal((6, 6), await factory.CommentCountsAsync(slug));
    }
}
