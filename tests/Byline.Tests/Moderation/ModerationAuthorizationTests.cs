using System.Net;
using System.Net.Http.Json;
using Byline.Data.Accounts;
using Byline.Data.Comments;
using Byline.Tests.Admin;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Moderation;

/// <summary>Who may use the moderation API: every kind of person × every action, with the exact answer of each cell.</summary>
public sealed class ModerationAuthorizationTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private const string Anonymous = "anonymous";

    public static TheoryData<string, string> People()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { Databases.Sqlite, Databases.Postgres })
        {
            foreach (var who in new[] { Anonymous, Roles.Reader, Roles.Writer, Roles.Editor, Roles.Moderator, Roles.Admin })
            {
                data.Add(provider, who);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task EveryModerationApiActionAnswersThisPersonExactly(string provider, string who)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var held = await factory.CreateClient().PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("authz")));
        var target = await factory.CreateUserAsync();
        var person = who switch
        {
            Anonymous => null,
            Roles.Reader => await factory.CreateUserAsync(),
            _ => await factory.CreateUserAsync(who),
        };
        using var client = person is null ? factory.CreateClient() : factory.ClientFor(person);
        var (read, write, lift) = who switch
        {
            Anonymous => ("401", "401", "401"),
            Roles.Moderator or Roles.Admin => ("200", "200", "204"),
            _ => ("403", "403", "403"),
        };
        var ban = $"/api/v1/moderation/users/{target.Id}/ban";

        var actual = new List<string>
        {
            $"GET queue: {Code(await client.GetAsync("/api/v1/moderation/queue"))}",
            $"GET queue spam: {Code(await client.GetAsync("/api/v1/moderation/queue?queue=spam"))}",
            $"GET metrics: {Code(await client.GetAsync("/api/v1/moderation/metrics"))}",
            $"POST decision: {Code(await client.DecideAsync(held.Id(), "approve", 1))}",
            $"POST decisions: {Code(await client.PostAsJsonAsync("/api/v1/moderation/decisions", new { action = "spam", items = new[] { new { id = held.Id(), revision = 1 } } }))}",
            $"POST ban: {Code(await client.PostAsJsonAsync(ban, new { days = 3, reason = "Spam." }))}",
            $"DELETE ban: {Code(await client.DeleteAsync(ban))}",
        };

        Assert.Equal(
            [
                $"GET queue: {read}", $"GET queue spam: {read}", $"GET metrics: {read}", $"POST decision: {write}", $"POST decisions: {write}",
                $"POST ban: {write}", $"DELETE ban: {lift}",
            ],
            actual);
        var stored = await factory.StoredAsync(held.Id());
        Assert.Equal(read == "200" ? CommentStatus.Spam : CommentStatus.Pending, stored.Status);
        Assert.Equal(read == "200" ? 3 : 1, (await factory.DecisionsAsync(held.Id())).Count);
        Assert.Null((await factory.AccountAsync(target.Id))!.BannedUntil);
        Assert.Equal(read == "200" ? 2 : 0, (await factory.AuditAboutAsync($"user:{target.Id}")).Count);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ACookieWriteFromAnotherSiteIsRefusedWhileTheSameWithAnApiTokenWorks(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var guest = factory.CreateClient();
        var first = await guest.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("x1")));
        var second = await guest.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("x2")));
        var third = await guest.PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("x3")));
        var moderatorUser = await factory.ModeratorAsync();
        using var session = await factory.SignInAsync(moderatorUser);
        using var token = factory.ClientFor(moderatorUser);

        HttpRequestMessage Decide(long id, string site) => new(HttpMethod.Post, $"/api/v1/moderation/comments/{id}/decision")
        {
            Content = JsonContent.Create(new { action = "approve", revision = 1 }),
            Headers = { { "Sec-Fetch-Site", site } },
        };

        var cookieRead = await session.Client.GetAsync("/api/v1/moderation/queue");
        var cookieCrossSite = await session.Client.SendAsync(Decide(first.Id(), "cross-site"));
        var cookieCrossOrigin = await session.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/moderation/comments/{first.Id()}/decision")
        {
            Content = JsonContent.Create(new { action = "approve", revision = 1 }),
            Headers = { { "Origin", "https://evil.example" } },
        });
        var cookieSameOrigin = await session.Client.SendAsync(Decide(second.Id(), "same-origin"));
        var tokenCrossSite = await token.SendAsync(Decide(third.Id(), "cross-site"));

        Assert.Equal(HttpStatusCode.OK, cookieRead.StatusCode);
        await Http.AssertProblemAsync(cookieCrossSite, HttpStatusCode.Forbidden, "cross-site");
        await Http.AssertProblemAsync(cookieCrossOrigin, HttpStatusCode.Forbidden, "cross-site");
        Assert.Equal(HttpStatusCode.OK, cookieSameOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tokenCrossSite.StatusCode);
        Assert.Equal(
            [CommentStatus.Pending, CommentStatus.Approved, CommentStatus.Approved],
            [(await factory.StoredAsync(first.Id())).Status, (await factory.StoredAsync(second.Id())).Status, (await factory.StoredAsync(third.Id())).Status]);
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task TheModerationPagesAnswerThisPersonExactly(string provider, string who)
    {
        var factory = apps[provider];
        var person = who switch
        {
            Anonymous => null,
            Roles.Reader => await factory.CreateUserAsync(),
            _ => await factory.CreateUserAsync(who),
        };
        using var client = factory.FormClient(person);
        var expected = who switch
        {
            Anonymous => "302 sign-in",
            Roles.Moderator or Roles.Admin => "200",
            _ => "403",
        };

        foreach (var page in new[] { "/moderation", "/moderation?queue=spam", "/moderation/metrics" })
        {
            var response = await client.GetAsync(page);
            var answer = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal)
                ? "302 sign-in"
                : Code(response);
            Assert.True(expected == answer, $"GET {page} as {who}: {answer}");
        }

        // The policy is the admins' alone.
        var policy = await client.GetAsync("/moderation/policy");
        var policyAnswer = policy.StatusCode == HttpStatusCode.Redirect && policy.Headers.Location!.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal)
            ? "302 sign-in"
            : Code(policy);
        Assert.Equal(who == Roles.Moderator ? "403" : expected, policyAnswer);
    }

    private static string Code(HttpResponseMessage response) => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
