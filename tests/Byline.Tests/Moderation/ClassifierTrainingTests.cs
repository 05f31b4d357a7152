using Byline.Data.Comments;
using Byline.Tests.Infrastructure;
using Byline.Tests.InlineFeedback;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Moderation;

/// <summary>
/// The classifier learns from moderators' decisions (through the outbox) and unlearns a decision reversed. Its model
/// is site-wide, so this class has apps of its own.
/// </summary>
public sealed class ClassifierTrainingTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static readonly string[] SpamTemplates =
    [
        "Cheap replica watches and designer handbags at wholesale prices, order now from our shop number {0}",
        "Earn money fast with our crypto trading signals, guaranteed daily profits for members, offer {0}",
        "Best casino bonus codes today, free spins and instant cash withdrawal for new players, promo {0}",
    ];

    private static readonly string[] HamTemplates =
    [
        "The levy seems fair to me, though the ports will need time to adjust to it, point {0}",
        "I wonder how the delegates will enforce the agreement once the ships leave territorial waters, question {0}",
        "Good reporting on a complicated negotiation, the quotes from the fishermen were especially useful, note {0}",
    ];

    /// <summary>Moderators approve held comments only, so every guest's comment is held here.</summary>
    private static async Task HoldGuestsAsync(BylineFactory factory) =>
        await factory.UpdateSiteSettingsAsync(s => s.PreModeration = Byline.Data.Site.PreModeration.Guests);

    private static string Word(int i) => ((char)('a' + i % 26)).ToString() + (char)('a' + i / 26 % 26);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AfterTenSpamAndTenHamDecisionsSimilarSpamIsScoredAndExplainedByTheClassifier(string provider)
    {
        var factory = apps[provider];
        await HoldGuestsAsync(factory);
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());
        var guest = factory.CreateClient();

        var untrained = await guest.PostCreatedAsync(slug, string.Format(System.Globalization.CultureInfo.InvariantCulture, SpamTemplates[0], "first"));
        Assert.Null((await factory.StoredAsync(untrained.Id())).SpamScore);

        for (var i = 0; i < 12; i++)
        {
            var spam = await guest.PostCreatedAsync(slug, string.Format(System.Globalization.CultureInfo.InvariantCulture, SpamTemplates[i % 3], Word(i)));
            await moderator.DecideOkAsync(spam.Id(), "spam");
            var ham = await guest.PostCreatedAsync(slug, string.Format(System.Globalization.CultureInfo.InvariantCulture, HamTemplates[i % 3], Word(i)));
            await moderator.DecideOkAsync(ham.Id(), "approve");
        }
        // Left alone by the moderators: nothing to learn from it yet.
        var probe = await guest.PostCreatedAsync(slug, string.Format(System.Globalization.CultureInfo.InvariantCulture, SpamTemplates[1], "probe-before-training"));
        Assert.Null((await factory.StoredAsync(probe.Id())).SpamScore);

        await factory.RunOutboxAsync();

        var spamLike = await guest.PostCreatedAsync(slug, "Cheap replica watches and crypto trading signals with casino bonus codes, order now today");
        var hamLike = await guest.PostCreatedAsync(slug, "The delegates and the fishermen will need time to adjust to the levy, good reporting");
        var spamStored = await factory.StoredAsync(spamLike.Id());
        var hamStored = await factory.StoredAsync(hamLike.Id());
        Assert.NotNull(spamStored.SpamScore);
        Assert.True(spamStored.SpamScore >= 0.9, $"spam scored {spamStored.SpamScore}");
        var reason = Assert.Single(spamStored.Reasons, r => r.Code == "classifier");
        Assert.Equal(spamStored.SpamScore!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), reason.Detail);
        Assert.NotNull(hamStored.SpamScore);
        Assert.True(hamStored.SpamScore < 0.5, $"ham scored {hamStored.SpamScore}");
        Assert.DoesNotContain("classifier", hamStored.Codes());
        using var moderatorQueue = factory.ClientFor(await factory.ModeratorAsync());
        var item = await moderatorQueue.QueueItemAsync(slug, spamLike.Id());
        Assert.Contains(item!.Value.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("classifier:", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReversingADecisionUnlearnsItAndARepeatedMessageLearnsNothingTwice(string provider)
    {
        var factory = apps[provider];
        await HoldGuestsAsync(factory);
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());
        var marker = ModerationKit.Marker("feature");
        var comment = await factory.CreateClient().PostCreatedAsync(slug, $"Ordinary words and one rare token {marker}");
        var feature = Byline.Core.Moderation.ClassifierFeatures.Extract(Byline.Core.Moderation.ModerationText.Normalize(marker)).Single(f => f.StartsWith("w:", StringComparison.Ordinal));

        await moderator.DecideOkAsync(comment.Id(), "spam");
        await factory.RunOutboxAsync();
        var afterSpam = await CountsAsync(factory, feature);
        Assert.Equal("spam", (await factory.StoredAsync(comment.Id())).TrainedAs);

        await moderator.DecideOkAsync(comment.Id(), "approve");
        await factory.RunOutboxAsync();
        var afterApprove = await CountsAsync(factory, feature);
        Assert.Equal("ham", (await factory.StoredAsync(comment.Id())).TrainedAs);

        Assert.Equal((1, 0), (afterSpam.Feature.Spam, afterSpam.Feature.Ham));
        Assert.Equal((0, 1), (afterApprove.Feature.Spam, afterApprove.Feature.Ham));
        Assert.Equal((afterSpam.Documents.Spam - 1, afterSpam.Documents.Ham + 1), afterApprove.Documents);

        // Reject (still spam to the classifier) changes nothing learned once; a repeat of the message neither.
        await moderator.DecideOkAsync(comment.Id(), "reject");
        await using (var db = factory.CreateDbContext())
        {
            Byline.Web.Moderation.ClassifierTraining.Enqueue(db, comment.Id(), factory.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }
        await factory.RunOutboxAsync();
        var afterReject = await CountsAsync(factory, feature);
        Assert.Equal((1, 0), (afterReject.Feature.Spam, afterReject.Feature.Ham));
        Assert.Equal(afterSpam.Documents, afterReject.Documents);
    }

    private static async Task<((int Spam, int Ham) Feature, (int Spam, int Ham) Documents)> CountsAsync(BylineFactory factory, string feature)
    {
        await using var db = factory.CreateDbContext();
        var rows = await db.ClassifierFeatures.AsNoTracking().ToListAsync();
        var documents = rows.Single(r => r.Feature == ClassifierFeature.Documents);
        var row = rows.Single(r => r.Feature == feature);
        return ((row.Spam, row.Ham), (documents.Spam, documents.Ham));
    }
}
