using System.Net;
using System.Net.Http.Json;
using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;
using Byline.Tests.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Comments;

/// <summary>Readers' votes on comments: who may vote, once each, changeable, withdrawable, counted right, rate-limited.</summary>
public sealed class VotesTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AReaderVotesOnceChangesAndWithdrawsTheirVote(string provider)
    {
        var factory = apps[provider];
        var (slug, id, _) = await factory.StoryWithCommentAsync();
        using var reader = factory.ClientFor(await factory.CreateUserAsync());
        using var other = factory.ClientFor(await factory.CreateUserAsync());

        Assert.Equal((1, 0, 1, 1), await reader.VoteOkAsync(id, 1));
        Assert.Equal((1, 0, 1, 1), await reader.VoteOkAsync(id, 1));
        Assert.Equal((2, 0, 2, 1), await other.VoteOkAsync(id, 1));
        await factory.UpdateSiteSettingsAsync(s => s.DownVotesEnabled = true);
        try
        {
            Assert.Equal((1, 1, 0, -1), await reader.VoteOkAsync(id, -1));
        }
        finally
        {
            await factory.UpdateSiteSettingsAsync(s => s.DownVotesEnabled = false);
        }
        var mine = await (await reader.GetAsync($"/api/v1/me/votes?article={slug}")).ReadJsonAsync();
        var vote = Assert.Single(mine.GetProperty("votes").EnumerateArray());
        Assert.Equal((id, -1), (vote.GetProperty("commentId").GetInt64(), vote.GetProperty("value").GetInt32()));

        Assert.Equal((1, 0, 1, 0), await reader.VoteOkAsync(id, 0));
        Assert.Equal((1, 0, 1, 0), await reader.VoteOkAsync(id, 0));
        Assert.Equal((2, 0, 2, 1), await reader.VoteOkAsync(id, 1));

        var stored = await factory.StoredAsync(id);
        Assert.Equal((2, 0, 2), (stored.UpVotes, stored.DownVotes, stored.Score));
        await using var db = factory.CreateDbContext();
        Assert.Equal(2, await db.CommentVotes.CountAsync(v => v.CommentId == id && v.Value == 1));
        Assert.Empty((await (await other.GetAsync($"/api/v1/me/votes?article={Unique.Slug()}")).ReadJsonAsync()).GetProperty("votes").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task VotesAreRefusedOnOwnHiddenOrUnknownCommentsDownWhenDisabledAndForGuestsAndBannedReaders(string provider)
    {
        var factory = apps[provider];
        var (slug, id, author) = await factory.StoryWithCommentAsync();
        var readerUser = await factory.CreateUserAsync();
        using var reader = factory.ClientFor(readerUser);
        var held = await factory.ClientFor(await factory.CreateUserAsync()).PostCreatedAsync(slug, ModerationKit.Held(ModerationKit.Marker("held")));
        Assert.Equal("pending", held.Status());

        await Http.AssertProblemAsync(await factory.CreateClient().VoteAsync(id, 1), HttpStatusCode.Unauthorized, "sign-in-required");
        await Http.AssertProblemAsync(await author.VoteAsync(id, 1), HttpStatusCode.Forbidden, "own-comment");
        await Http.AssertProblemAsync(await reader.VoteAsync(id, -1), HttpStatusCode.BadRequest, "down-votes-disabled");
        await Http.AssertProblemAsync(await reader.VoteAsync(id, 2), HttpStatusCode.BadRequest, "invalid-vote");
        await Http.AssertProblemAsync(await reader.VoteAsync(long.MaxValue - 7, 1), HttpStatusCode.NotFound, "comment-not-found");
        await Http.AssertProblemAsync(await reader.VoteAsync(held.Id(), 1), HttpStatusCode.NotFound, "comment-not-found");
        await Http.AssertProblemAsync(await factory.CreateClient().GetAsync($"/api/v1/me/votes?article={slug}"), HttpStatusCode.Unauthorized, "sign-in-required");

        await using (var db = factory.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == readerUser.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.BannedUntil, BylineUser.PermanentBan));
        }
        await Http.AssertProblemAsync(await reader.VoteAsync(id, 1), HttpStatusCode.Forbidden, "user-banned");

        var stored = await factory.StoredAsync(id);
        Assert.Equal((0, 0, 0), (stored.UpVotes, stored.DownVotes, stored.Score));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ACookieVoteFromAnotherSiteIsRefusedAndFromThePageItselfCounted(string provider)
    {
        var factory = apps[provider];
        var (_, id, _) = await factory.StoryWithCommentAsync();
        using var session = await factory.SignInAsync(await factory.CreateUserAsync());

        using var crossSite = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/comments/{id}/vote") { Content = JsonContent.Create(new { value = 1 }) };
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        await Http.AssertProblemAsync(await session.Client.SendAsync(crossSite), HttpStatusCode.Forbidden, "cross-site");
        using var sameSite = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/comments/{id}/vote") { Content = JsonContent.Create(new { value = 1 }) };
        sameSite.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.OK, (await session.Client.SendAsync(sameSite)).StatusCode);

        Assert.Equal(1, (await factory.StoredAsync(id)).Score);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task VotingFasterThanTwentyAMinuteIsRefusedUntilTheBucketRefills(string provider)
    {
        var factory = apps[provider];
        var (_, id, _) = await factory.StoryWithCommentAsync();
        using var reader = factory.ClientFor(await factory.CreateUserAsync());

        for (var i = 0; i < 20; i++)
        {
            await reader.VoteOkAsync(id, i % 2 == 0 ? 1 : 0);
        }
        var limited = await reader.VoteAsync(id, 1);
        var problem = await Http.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Equal(TimeSpan.FromSeconds(3), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(3, problem.GetProperty("retryAfter").GetInt32());
        Assert.Equal(0, (await factory.StoredAsync(id)).Score);

        factory.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal((1, 0, 1, 1), await reader.VoteOkAsync(id, 1));
        await Http.AssertProblemAsync(await reader.WithdrawAsync(id), HttpStatusCode.TooManyRequests, "rate-limited");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CountersAreRightWhenManyReadersVoteAtOnceAndOneReaderRacesHimself(string provider)
    {
        var factory = apps[provider];
        var (_, id, _) = await factory.StoryWithCommentAsync();
        var readers = new List<HttpClient>();
        for (var i = 0; i < 12; i++)
        {
            readers.Add(factory.ClientFor(await factory.CreateUserAsync()));
        }
        using var eager = factory.ClientFor(await factory.CreateUserAsync());

        var votes = readers.Select(r => r.VoteAsync(id, 1))
            .Concat(Enumerable.Range(0, 6).Select(_ => eager.VoteAsync(id, 1)))
            .ToList();
        var answers = await Task.WhenAll(votes);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var stored = await factory.StoredAsync(id);
        Assert.Equal((13, 0, 13), (stored.UpVotes, stored.DownVotes, stored.Score));

        // Half withdraw while the other half vote again: the counts still match the rows.
        var mixed = readers.Select((r, i) => i % 2 == 0 ? r.WithdrawAsync(id) : r.VoteAsync(id, 1)).Append(eager.WithdrawAsync(id)).Append(eager.WithdrawAsync(id));
        Assert.All(await Task.WhenAll(mixed), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        stored = await factory.StoredAsync(id);
        await using var db = factory.CreateDbContext();
        var rows = await db.CommentVotes.Where(v => v.CommentId == id).SumAsync(v => v.Value);
        Assert.Equal((6, 6), (stored.Score, rows));
        readers.ForEach(r => r.Dispose());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheScoreShowsOnTheStoryPageForEveryoneAfterAVote(string provider)
    {
        var factory = apps[provider];
        var (slug, id, _) = await factory.StoryWithCommentAsync();
        var guest = factory.CreateClient();
        string ScoreOf(AngleSharp.Dom.IDocument page) => page.QuerySelector($"#comment-{id} .comment-score")!.Text();
        Assert.Equal("0 points", ScoreOf(await guest.GetPageAsync($"/world/{slug}")));
        using var reader = factory.ClientFor(await factory.CreateUserAsync());

        await reader.VoteOkAsync(id, 1);

        var page = await guest.GetPageAsync($"/world/{slug}");
        Assert.Equal("1 point", ScoreOf(page));
        var up = page.QuerySelector($"#comment-{id} button.vote-up")!;
        Assert.Equal("true", up.HasAttribute("hidden") ? "true" : "false");
        Assert.StartsWith("Vote up the comment by Reader ", up.GetAttribute("aria-label"));
        Assert.Null(page.QuerySelector($"#comment-{id} button.vote-down"));
        Assert.Equal($"/comments/{id}/vote", page.QuerySelector($"#comment-{id} a.comment-vote")!.GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheVotePageWorksWithoutScriptAndNeedsItsToken(string provider)
    {
        var factory = apps[provider];
        var (slug, id, _) = await factory.StoryWithCommentAsync();
        using var session = await factory.SignInAsync(await factory.CreateUserAsync());
        var votePage = $"/comments/{id}/vote";

        var anonymous = await factory.CreateClient().GetPageAsync(votePage);
        Assert.NotNull(anonymous.QuerySelector("a[href^='/account/sign-in']"));
        Assert.Null(anonymous.QuerySelector("form.vote-form"));
        var withoutToken = await session.Client.PostAsync(votePage + "?handler=Vote", new FormUrlEncodedContent(new Dictionary<string, string> { ["value"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);

        var voted = await session.Client.SubmitAsync(votePage, "form.vote-form", ("value", "1"));

        Assert.Equal(HttpStatusCode.Redirect, voted.StatusCode);
        Assert.Equal($"/world/{slug}#comment-{id}", voted.Headers.Location!.OriginalString);
        Assert.Equal(1, (await factory.StoredAsync(id)).Score);
        var after = await session.PageAsync(votePage);
        Assert.Contains("You voted this comment up.", after.QuerySelector(".vote-mine")!.TextContent);
        Assert.NotNull(after.QuerySelector("form.vote-form button[value='0']"));
        Assert.Null(after.QuerySelector("form.feature-form"));
    }
}
