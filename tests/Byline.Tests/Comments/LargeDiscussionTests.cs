using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Comments;

public sealed class LargeDiscussionTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private const string SignedIn = ".Byline.Auth=x";

    /// <summary>45 threads; every fourth has three replies (one a reply to a reply), every seventh one reply.</summary>
    private static readonly int[] RepliesPerThread = [.. Enumerable.Range(0, 45).Select(i => i % 4 == 0 ? 3 : i % 7 == 0 ? 1 : 0)];

    private async Task<(BylineFactory Factory, string Slug, IReadOnlyList<TestData.SeededThread> NewestFirst)> DiscussionAsync(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("large");
        await factory.AddStoryAsync(slug);
        var threads = await factory.AddThreadsAsync(slug, RepliesPerThread);
        return (factory, slug, [.. threads.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.RootId)]);
    }

    private static List<IElement> Threads(IDocument page) => [.. page.QuerySelectorAll("#threads > li > article.comment")];

    private static long IdOf(IElement comment) => long.Parse(comment.Id!["comment-".Length..], System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task StoryPageShowsTheNewestTwentyThreadsWithTheirRepliesAndALinkToMore(string provider)
    {
        var (factory, slug, newestFirst) = await DiscussionAsync(provider);

        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");

        var threads = Threads(page);
        Assert.Equal(newestFirst.Take(20).Select(t => t.RootId), threads.Select(IdOf));
        foreach (var (element, seeded) in threads.Zip(newestFirst))
        {
            Assert.Equal(seeded.ReplyIds.Order(), element.QuerySelectorAll("ol.replies article.comment").Select(IdOf).Order());
        }
        var total = RepliesPerThread.Length + RepliesPerThread.Sum();
        Assert.Equal($"{total} Comments · 0 Inline Feedbacks · View all comments", page.QuerySelector(".discussion-header")?.Text());
        var more = page.QuerySelector("a.more-comments");
        Assert.NotNull(more);
        Assert.Equal("More comments", more.Text());
        Assert.StartsWith($"/world/{slug}/comments?after=", more.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task MoreCommentsLinksPageThroughEveryThreadOnceNewestFirst(string provider)
    {
        var (factory, slug, newestFirst) = await DiscussionAsync(provider);
        var client = factory.CreateClient();

        var seen = new List<long>();
        var pages = 0;
        string? next = $"/world/{slug}";
        while (next is not null)
        {
            var page = await client.GetPageAsync(next);
            var threads = Threads(page);
            Assert.NotEmpty(threads);
            Assert.True(threads.Count <= 20);
            foreach (var thread in threads)
            {
                var seeded = newestFirst.Single(t => t.RootId == IdOf(thread));
                Assert.Equal(seeded.ReplyIds.Count, thread.QuerySelectorAll("ol.replies article.comment").Length);
            }
            seen.AddRange(threads.Select(IdOf));
            next = page.QuerySelector("a.more-comments")?.GetAttribute("href");
            Assert.True(++pages <= 5, "paging does not end");
        }

        Assert.Equal(3, pages);
        Assert.Equal(newestFirst.Select(t => t.RootId), seen);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ApiCursorPagesThroughEveryThreadOnceNewestFirst(string provider)
    {
        var (factory, slug, newestFirst) = await DiscussionAsync(provider);
        var client = factory.CreateClient();

        foreach (var limit in new int?[] { null, 7, 100 })
        {
            var seen = new List<long>();
            string? after = null;
            for (var pages = 1; ; pages++)
            {
                var query = string.Join('&', new[] { limit is null ? null : $"limit={limit}", after is null ? null : $"after={after}" }.Where(q => q is not null));
                var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{slug}/comments?{query}");
                var items = page.GetProperty("items").EnumerateArray().ToList();
                Assert.True(items.Count <= (limit ?? 20));
                Assert.Equal(RepliesPerThread.Length + RepliesPerThread.Sum(), page.GetProperty("total").GetInt32());
                foreach (var item in items)
                {
                    var seeded = newestFirst.Single(t => t.RootId == item.GetProperty("id").GetInt64());
                    Assert.Equal(seeded.ReplyIds.Count, CountReplies(item));
                }
                seen.AddRange(items.Select(i => i.GetProperty("id").GetInt64()));
                after = page.GetProperty("next").GetString();
                if (after is null)
                {
                    break;
                }
                Assert.True(pages < 10, "paging does not end");
            }
            Assert.Equal(newestFirst.Select(t => t.RootId), seen);
        }
    }

    private static int CountReplies(JsonElement comment) =>
        comment.GetProperty("replies").EnumerateArray().Sum(r => 1 + CountReplies(r));

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task QueriesPerPageDoNotGrowWithTheSizeOfAThread(string provider)
    {
        var factory = apps[provider];
        var small = Unique.Slug("small-thread");
        var large = Unique.Slug("large-thread");
        await factory.AddStoryAsync(small);
        await factory.AddStoryAsync(large);
        await factory.AddThreadsAsync(small, [5, 0]);
        await factory.AddThreadsAsync(large, [200, 0]);
        var client = factory.CreateClient();
        // A signed-in reader is never served from the shared cache, so every request renders.
        client.DefaultRequestHeaders.Add("Cookie", SignedIn);

        async Task<int> CommandsFor(string url)
        {
            await client.GetAsync(url); // warms up what is cached outside the page (site settings)
            return await factory.Sql.CountDuringAsync(async () =>
            {
                var response = await client.GetAsync(url);
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            });
        }

        var smallPage = await CommandsFor($"/world/{small}");
        var largePage = await CommandsFor($"/world/{large}");
        var smallApi = await CommandsFor($"/api/v1/articles/{small}/comments");
        var largeApi = await CommandsFor($"/api/v1/articles/{large}/comments");
        var smallDiscussion = await CommandsFor($"/world/{small}/comments");
        var largeDiscussion = await CommandsFor($"/world/{large}/comments");

        Assert.Equal(smallPage, largePage);
        Assert.Equal(smallApi, largeApi);
        Assert.Equal(smallDiscussion, largeDiscussion);
        Assert.InRange(largePage, 1, 4);
        // The story, its editors' picks, a page of threads, their replies.
        Assert.InRange(largeApi, 1, 4);

        // Both threads with every one of the 200 replies.
        var page = await client.GetPageAsync($"/world/{large}");
        Assert.Equal(2 + 200, page.QuerySelectorAll("#threads article.comment").Length);
    }
}
