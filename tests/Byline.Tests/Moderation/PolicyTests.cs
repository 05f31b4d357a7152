using Byline.Data.Accounts;
using Byline.Data.Comments;
using Byline.Data.Site;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Moderation;

/// <summary>
/// The site's pre-moderation policy and repeated text. The policy is site-wide, so every test here sets the one it
/// needs first (tests of a class run one at a time).
/// </summary>
public sealed class PolicyTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static Task PolicyAsync(BylineFactory factory, PreModeration policy, int trustAfter = 3) =>
        factory.UpdateSiteSettingsAsync(s => (s.PreModeration, s.TrustAfterApproved) = (policy, trustAfter));

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PreModeratingGuestsHoldsGuestsOnly(string provider)
    {
        var factory = apps[provider];
        await PolicyAsync(factory, PreModeration.Guests);
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var reader = factory.ClientFor(await factory.CreateUserAsync());

        var guest = await factory.CreateClient().PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("g")));
        var signedIn = await reader.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("r")));

        Assert.Equal(("pending", "approved"), (guest.Status(), signedIn.Status()));
        Assert.Contains((await factory.StoredAsync(guest.Id())).Reasons, r => r.ToString() == "pre-moderation:guest");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PreModeratingFirstTimersHoldsAnAccountUntilItsFirstCommentIsApproved(string provider)
    {
        var factory = apps[provider];
        await PolicyAsync(factory, PreModeration.FirstTime);
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var reader = factory.ClientFor(await factory.CreateUserAsync());
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());

        var guest = await factory.CreateClient().PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("g")));
        var first = await reader.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("r1")));
        var second = await reader.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("r2")));
        await moderator.DecideOkAsync(first.Id(), "approve");
        var third = await reader.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("r3")));

        Assert.Equal(["pending", "pending", "pending", "approved"], new[] { guest, first, second, third }.Select(c => c.Status()));
        Assert.Contains("first-comment", (await factory.StoredAsync(guest.Id())).Codes());
        Assert.Contains("first-comment", (await factory.StoredAsync(first.Id())).Codes());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PreModeratingEveryoneHoldsAnAccountUntilItIsTrustedButNeverStaff(string provider)
    {
        var factory = apps[provider];
        await PolicyAsync(factory, PreModeration.Everyone, trustAfter: 2);
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var reader = factory.ClientFor(await factory.CreateUserAsync());
        using var writer = factory.ClientFor(await factory.CreateUserAsync(Roles.Writer));
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());

        var statuses = new List<string?>();
        for (var i = 0; i < 2; i++)
        {
            var held = await reader.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker($"r{i}")));
            statuses.Add(held.Status());
            Assert.Contains((await factory.StoredAsync(held.Id())).Reasons, r => r.ToString() == "pre-moderation:everyone");
            await moderator.DecideOkAsync(held.Id(), "approve");
        }
        statuses.Add((await reader.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("trusted")))).Status());
        statuses.Add((await factory.CreateClient().PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("guest")))).Status());
        statuses.Add((await writer.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("staff")))).Status());

        Assert.Equal(["pending", "pending", "approved", "pending", "approved"], statuses);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PreModeratingNobodyPublishesAGuestAtOnce(string provider)
    {
        var factory = apps[provider];
        await PolicyAsync(factory, PreModeration.Nobody);
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);

        var guest = await factory.CreateClient().PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("g")));

        Assert.Equal("approved", guest.Status());
        Assert.Empty((await factory.StoredAsync(guest.Id())).Reasons);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SameTextAgainAnywhereIsHeldWithinTheWindowButNotAfterIt(string provider)
    {
        var factory = apps[provider];
        await PolicyAsync(factory, PreModeration.Nobody);
        var first = Unique.Slug();
        var second = Unique.Slug();
        await factory.AddStoryAsync(first);
        await factory.AddStoryAsync(second);
        var marker = ModerationKit.Marker("dup");
        var text = $"Great reporting as always from this newsroom {marker}";
        var client = factory.CreateClient();

        var original = await client.PostCreatedAsync(first, text);
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        // Another story, other capitals, a look-alike letter and an invisible one: the same text all the same.
        var again = await client.PostCreatedAsync(second, text.ToUpperInvariant().Replace("E", "\u0415").Replace(" ", " \u200B"));
        // Past the 24-hour window of both (every 15 s of fake time wakes the scheduled publisher: no further).
        factory.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var later = await client.PostCreatedAsync(second, text);

        Assert.Equal(["approved", "pending", "approved"], new[] { original, again, later }.Select(c => c.Status()));
        Assert.Equal(["duplicate"], (await factory.StoredAsync(again.Id())).Codes());
        Assert.DoesNotContain("duplicate", (await factory.StoredAsync(later.Id())).Codes());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ShortTextRepeatedIsNotADuplicate(string provider)
    {
        var factory = apps[provider];
        await PolicyAsync(factory, PreModeration.Nobody);
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();

        var first = await client.PostCreatedAsync(slug, "Thank you!");
        var second = await client.PostCreatedAsync(slug, "Thank you!");

        Assert.Equal(("approved", "approved"), (first.Status(), second.Status()));
    }
}
