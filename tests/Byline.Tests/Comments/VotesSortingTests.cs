using System.Net;
using Byline.Tests.Accounts;
using Byline.Tests.Infrastructure;
using Byline.Tests.Moderation;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Comments;

/// <summary>Sorting a discussion: each order, keyset paging that stays stable while votes change, and the remembered choice.</summary>
public sealed class VotesSortingTests(BylineApps apps) : IClassFixture<BylineApps>
{
    /// <summary>Threads with scores 0, 1, 2, 0, 1, 2… stored directly (pairs share an instant, so ties need the id).</summary>
    private static async Task<(string Slug, IReadOnlyList<TestData.SeededThread> Threads, Dictionary<long, int> Scores)> ScoredThreadsAsync(BylineFactory factory, int count)
    {
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var threads = await factory.AddThreadsAsync(slug, Enumerable.Repeat(1, count).ToList());
        var scores = threads.Select((t, i) => (t.RootId, Score: i % 3)).ToDictionary(x => x.RootId, x => x.Score);
        await using var db = factory.CreateDbContext();
        foreach (var (id, score) in scores)
        {
            await db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(c => c.SetProperty(x => x.Score, score).SetProperty(x => x.UpVotes, score));
        }
        return (slug, threads, scores);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EachSortOrdersThreadsAndPagesThroughAllOfThemOnceIncludingTies(string provider)
    {
        var factory = apps[provider];
        var (slug, threads, scores) = await ScoredThreadsAsync(factory, 13);
        var client = factory.CreateClient();
        var newest = threads.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.RootId).Select(t => t.RootId).ToList();
        var oldest = threads.OrderBy(t => t.CreatedAt).ThenBy(t => t.RootId).Select(t => t.RootId).ToList();
        var top = threads.OrderByDescending(t => scores[t.RootId]).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.RootId).Select(t => t.RootId).ToList();

        foreach (var (sort, expected) in new[] { ("newest", newest), ("oldest", oldest), ("top", top) })
        {
            var pages = await client.PagesAsync(slug, sort, 4);
            Assert.Equal([4, 4, 4, 1], pages.Select(p => p.Count));
            Assert.Equal(expected, pages.SelectMany(p => p));
        }
        var first = await (await client.GetAsync($"/api/v1/articles/{slug}/comments?sort=top&limit=2")).ReadJsonAsync();
        Assert.Equal("top", first.GetProperty("sort").GetString());
        Assert.Equal(2, first.GetProperty("items")[0].GetProperty("score").GetInt32());
        Assert.Single(first.GetProperty("items")[0].GetProperty("replies").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TopPagingNeverShowsAThreadTwiceAndSkipsNoneThatKeptItsScoreWhileVotesChange(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var ids = (await factory.AddThreadsAsync(slug, Enumerable.Repeat(0, 12).ToList())).Select(t => t.RootId).ToList();
        using var a = factory.ClientFor(await factory.CreateUserAsync());
        using var b = factory.ClientFor(await factory.CreateUserAsync());
        using var c = factory.ClientFor(await factory.CreateUserAsync());
        foreach (var id in ids.Take(6))
        {
            await a.VoteOkAsync(id, 1);
        }
        foreach (var id in ids.Take(3))
        {
            await b.VoteOkAsync(id, 1);
        }
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        var changed = new HashSet<long> { ids[0], ids[1], ids[11] };

        var pages = await factory.CreateClient().PagesAsync(slug, "top", 4, async page =>
        {
            if (page != 1)
            {
                return;
            }
            factory.Time.Advance(TimeSpan.FromSeconds(5));
            // Two threads shown on the first page fall to the bottom; one not yet shown rises to the top.
            await a.VoteOkAsync(ids[0], 0);
            await b.VoteOkAsync(ids[0], 0);
            await b.VoteOkAsync(ids[1], 0);
            await a.VoteOkAsync(ids[1], 0);
            await a.VoteOkAsync(ids[11], 1);
            await b.VoteOkAsync(ids[11], 1);
            await c.VoteOkAsync(ids[11], 1);
        });

        var shown = pages.SelectMany(p => p).ToList();
        Assert.Equal(shown.Count, shown.Distinct().Count());
        Assert.Contains(ids[0], pages[0]);
        Assert.Contains(ids[1], pages[0]);
        Assert.All(ids.Where(id => !changed.Contains(id)), id => Assert.Contains(id, shown));

        // A new reading starts from the new scores.
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        var fresh = (await factory.CreateClient().PagesAsync(slug, "top", 4)).SelectMany(p => p).ToList();
        Assert.Equal(ids[11], fresh[0]);
        Assert.Equal(12, fresh.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadSortsAndCursorsOfAnotherOrderAreRefused(string provider)
    {
        var factory = apps[provider];
        var (slug, _, _) = await ScoredThreadsAsync(factory, 5);
        var client = factory.CreateClient();
        var next = (await (await client.GetAsync($"/api/v1/articles/{slug}/comments?sort=top&limit=2")).ReadJsonAsync()).GetProperty("next").GetString()!;

        await Http.AssertProblemAsync(await client.GetAsync($"/api/v1/articles/{slug}/comments?sort=best"), HttpStatusCode.BadRequest, "invalid-sort");
        await Http.AssertProblemAsync(await client.GetAsync($"/api/v1/articles/{slug}/comments?sort=oldest&after={next}"), HttpStatusCode.BadRequest, "invalid-cursor");
        await Http.AssertProblemAsync(await client.GetAsync($"/api/v1/articles/{slug}/comments?after=t.1.x.2.3"), HttpStatusCode.BadRequest, "invalid-cursor");
        // Without ?sort= the cursor says which order it pages.
        var second = await (await client.GetAsync($"/api/v1/articles/{slug}/comments?limit=2&after={Uri.EscapeDataString(next)}")).ReadJsonAsync();
        Assert.Equal("top", second.GetProperty("sort").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/world/{slug}/comments?sort=oldest&after={next}")).StatusCode);
        // Pages ignore an unknown sort, and so does the page cache's key.
        Assert.Equal("newest", (await client.GetPageAsync($"/world/{slug}/comments?sort=best")).QuerySelector(".thread-list")!.GetAttribute("data-sort"));
        Assert.Equal(PageCache.KeyOf(Request($"/world/{slug}", "")), PageCache.KeyOf(Request($"/world/{slug}", "?sort=best")));
        Assert.NotEqual(PageCache.KeyOf(Request($"/world/{slug}", "")), PageCache.KeyOf(Request($"/world/{slug}", "?sort=top")));
        Assert.NotEqual(PageCache.KeyOf(Request($"/world/{slug}", "?sort=top")), PageCache.KeyOf(Request($"/world/{slug}", "?sort=oldest")));
    }

    private static HttpRequest Request(string path, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString("localhost");
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        return context.Request;
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheSortLinksWorkWithoutScriptAndASignedInReadersChoiceIsRemembered(string provider)
    {
        var factory = apps[provider];
        var (slug, threads, _) = await ScoredThreadsAsync(factory, 25);
        var guest = factory.CreateClient();
        var user = await factory.CreateUserAsync();
        using var session = await factory.SignInAsync(user);

        var story = await guest.GetPageAsync($"/world/{slug}");
        Assert.Equal("true", story.QuerySelector(".sort-control a[data-sort=newest]")!.GetAttribute("aria-current"));
        var oldestLink = story.QuerySelector(".sort-control a[data-sort=oldest]")!.GetAttribute("href")!;
        var oldest = await guest.GetPageAsync(oldestLink);
        Assert.Equal("oldest", oldest.QuerySelector(".thread-list")!.GetAttribute("data-sort"));
        Assert.Equal($"comment-{threads[0].RootId}", oldest.QuerySelector("#threads > li > article")!.Id);
        var more = oldest.QuerySelector("a.more-comments")!.GetAttribute("href")!;
        Assert.Contains("sort=oldest", more);
        var second = await guest.GetPageAsync(more);
        Assert.Equal($"comment-{threads[20].RootId}", second.QuerySelector("#threads > li > article")!.Id);

        await session.PageAsync($"/world/{slug}/comments?sort=top");
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal("top", await db.Users.Where(u => u.Id == user.Id).Select(u => u.DiscussionSort).SingleAsync());
        }
        Assert.Equal("top", (await session.PageAsync($"/world/{slug}")).QuerySelector(".thread-list")!.GetAttribute("data-sort"));
        Assert.Equal("top", (await session.PageAsync($"/world/{slug}/comments")).QuerySelector(".thread-list")!.GetAttribute("data-sort"));
        // A link made for another order still pages that order.
        Assert.Equal("oldest", (await session.PageAsync(more)).QuerySelector(".thread-list")!.GetAttribute("data-sort"));
        Assert.Equal("newest", (await guest.GetPageAsync($"/world/{slug}")).QuerySelector(".thread-list")!.GetAttribute("data-sort"));
        await session.PageAsync($"/world/{slug}?sort=newest");
        Assert.Equal("newest", (await session.PageAsync($"/world/{slug}/comments")).QuerySelector(".thread-list")!.GetAttribute("data-sort"));
    }
}
