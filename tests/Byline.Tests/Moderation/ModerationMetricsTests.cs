using System.Globalization;
using Byline.Tests.Infrastructure;
using Byline.Tests.InlineFeedback;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Moderation;

/// <summary>The moderation metrics, on an app of their own (they count the whole site) and the fake clock.</summary>
public sealed class ModerationMetricsTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task MetricsCountTheQueueTheDecisionsPerModeratorTheMedianWaitAndClassifierPrecision(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var alice = await factory.ModeratorAsync();
        var bob = await factory.ModeratorAsync();
        using var aliceClient = factory.ClientFor(alice);
        using var bobClient = factory.ClientFor(bob);
        var guest = factory.CreateClient();
        var held = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            held.Add((await guest.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker($"q{i}")))).Id());
        }
        // What the classifier said when they were posted (it had not learned enough yet to say anything).
        var scores = new[] { 0.95, 0.97, 0.40, 0.99 };
        await using (var db = factory.CreateDbContext())
        {
            for (var i = 0; i < scores.Length; i++)
            {
                var id = held[i];
                await db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(c => c.SetProperty(x => x.SpamScore, scores[i]));
            }
        }

        factory.Time.Advance(TimeSpan.FromMinutes(10));
        await aliceClient.DecideOkAsync(held[0], "approve");
        factory.Time.Advance(TimeSpan.FromMinutes(20));
        await bobClient.DecideOkAsync(held[1], "reject", "Advertising or solicitation.");
        factory.Time.Advance(TimeSpan.FromMinutes(30));
        await aliceClient.DecideOkAsync(held[2], "spam");
        factory.Time.Advance(TimeSpan.FromMinutes(40));
        await aliceClient.DecideOkAsync(held[3], "spam");
        await factory.RunOutboxAsync();

        var metrics = await (await aliceClient.GetAsync("/api/v1/moderation/metrics")).ReadJsonAsync();

        Assert.Equal(1, metrics.GetProperty("pending").GetInt32());
        // Waits of 10, 30, 60 and 100 minutes.
        Assert.Equal(TimeSpan.FromMinutes(45), TimeSpan.Parse(metrics.GetProperty("medianTimeToDecision").GetString()!, CultureInfo.InvariantCulture));
        var byModerator = metrics.GetProperty("byModerator").EnumerateArray()
            .Select(m => (m.GetProperty("name").GetString(), m.GetProperty("approved").GetInt32(), m.GetProperty("rejected").GetInt32(), m.GetProperty("spam").GetInt32()))
            .ToList();
        Assert.Equal([(alice.DisplayName, 1, 0, 2), (bob.DisplayName, 0, 1, 0)], byModerator);
        var classifier = metrics.GetProperty("classifier");
        // Called spam at 0.9: 0.95 (approved: wrong), 0.97 (rejected: right), 0.99 (spam: right); missed 0.40 (spam).
        Assert.Equal(4, classifier.GetProperty("decided").GetInt32());
        Assert.Equal((2, 1, 1), (classifier.GetProperty("truePositives").GetInt32(), classifier.GetProperty("falsePositives").GetInt32(), classifier.GetProperty("falseNegatives").GetInt32()));
        Assert.Equal(2.0 / 3, classifier.GetProperty("precision").GetDouble(), 6);
        Assert.Equal(2.0 / 3, classifier.GetProperty("recall").GetDouble(), 6);
        var today = metrics.GetProperty("daily").EnumerateArray().Last();
        Assert.Equal((5, 5, 4), (today.GetProperty("posted").GetInt32(), today.GetProperty("held").GetInt32(), today.GetProperty("decided").GetInt32()));
    }
}
