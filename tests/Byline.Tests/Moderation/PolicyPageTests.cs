using System.Net;
using Byline.Data.Accounts;
using Byline.Data.Site;
using Byline.Tests.Accounts;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Moderation;

/// <summary>The admins' moderation policy page: what it saves is what the next comment is checked against; bad values change nothing.</summary>
public sealed class PolicyPageTests
{
    private static Dictionary<string, string> Policy(string preModeration = "Guests", string maxLinks = "1", string banned = "frobnicate") => new()
    {
        ["PreModeration"] = preModeration,
        ["MaxLinks"] = maxLinks,
        ["ClassifierThreshold"] = "0.95",
        ["FlagThreshold"] = "4",
        ["TrustAfterApproved"] = "2",
        ["SuspectWords"] = "join our group\n加群",
        ["BannedWords"] = banned,
    };

    [Fact]
    public async Task AnAdminSavesThePolicyAndTheNextGuestCommentIsCheckedAgainstIt()
    {
        using var factory = new BylineFactory();
        var slug = Unique.Slug("policy");
        await factory.AddStoryAsync(slug);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        using var session = await factory.SignInAsync(admin);

        var saved = await session.SubmitAsync("/moderation/policy", Policy());

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = factory.CreateDbContext())
        {
            var row = await db.SiteSettings.AsNoTracking().SingleAsync();
            Assert.Equal((PreModeration.Guests, 1, 0.95, 4.0, 2, "frobnicate"),
                (row.PreModeration, row.MaxLinks, row.ClassifierThreshold, row.FlagThreshold, row.TrustAfterApproved, row.BannedWords));
            Assert.Equal("join our group\n加群", row.SuspectWords);
            Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "moderation.policy");
        }

        // The settings store may hold the old row for a moment; the page invalidates it, so the next comment sees the new policy.
        using var guest = factory.CreateClient();
        var held = await guest.PostCreatedAsync(slug, "A perfectly ordinary remark about the harbour talks.");
        Assert.Equal("pending", held.Status());
        Assert.Contains("pre-moderation", (await factory.StoredAsync(held.Id())).Codes());
        var refused = await guest.PostCreatedAsync(slug, "You can FROBNICATE all you like.");
        Assert.Equal(Byline.Data.Comments.CommentStatus.Rejected, (await factory.StoredAsync(refused.Id())).Status);
    }

    [Theory]
    [InlineData("Sometimes", "1")]
    [InlineData("Guests", "-1")]
    [InlineData("Guests", "lots")]
    [InlineData("Guests", "NaN")]
    public async Task BadValuesAnswer400AndChangeNothing(string preModeration, string maxLinks)
    {
        using var factory = new BylineFactory();
        var admin = await factory.CreateUserAsync(Roles.Admin);
        using var session = await factory.SignInAsync(admin);

        var response = await session.SubmitAsync("/moderation/policy", Policy(preModeration, maxLinks));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Some settings need another look.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        var row = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync() ?? new SiteSettings();
        Assert.Equal((PreModeration.Nobody, 2, ""), (row.PreModeration, row.MaxLinks, row.BannedWords));
    }

    [Fact]
    public async Task AModeratorMayNotChangeThePolicy()
    {
        using var factory = new BylineFactory();
        var moderator = await factory.ModeratorAsync();
        using var session = await factory.SignInAsync(moderator);
        var token = await session.Client.AntiforgeryTokenAsync("/moderation");

        var response = await session.Client.PostAsync("/moderation/policy", new FormUrlEncodedContent(
            Policy().Append(new("__RequestVerificationToken", token))));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal("", (await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync() ?? new SiteSettings()).BannedWords);
    }
}
