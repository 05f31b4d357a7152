using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Comments;

public sealed class PostCommentApiTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static async Task<JsonElement> PostAsync(HttpClient client, string slug, object payload)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", payload);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static long Id(JsonElement comment) => comment.GetProperty("id").GetInt64();

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ConcurrentPostsAreAllStoredAndCountedExactly(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("busy");
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();
        var first = await PostAsync(client, slug, new { body = "First!" });

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.PostAsJsonAsync(
            $"/api/v1/articles/{slug}/comments",
            i % 2 == 0 ? new { body = $"Comment {i}", parentId = (long?)null } : new { body = $"Reply {i}", parentId = (long?)Id(first) })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal((41, 41), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task GuestCommentIsStoredCountedAndReturnedWithLocation(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments",
            new { body = "好消息！ 🎉 مرحبا *yes*", authorName = "李明", authorEmail = "li@example.com" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJsonAsync();
        var id = Id(json);
        Assert.Equal($"/api/v1/comments/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("approved", json.GetProperty("status").GetString());
        Assert.Equal("好消息！ 🎉 مرحبا *yes*", json.GetProperty("body").GetString());
        Assert.Equal("<p>好消息！ 🎉 مرحبا <em>yes</em></p>", json.GetProperty("html").GetString());
        Assert.Equal("李明", json.GetProperty("authorName").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("parentId").ValueKind);
        Assert.Equal(1, json.GetProperty("depth").GetInt32());
        Assert.Equal(factory.Time.GetUtcNow(), json.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal($"/world/{slug}#comment-{id}", json.GetProperty("permalink").GetString());
        Assert.Empty(json.GetProperty("replies").EnumerateArray());
        Assert.False(json.TryGetProperty("authorEmail", out _));

        var fetched = await (await client.GetAsync(response.Headers.Location)).ReadJsonAsync();
        Assert.Equal(id, Id(fetched));
        Assert.Equal("好消息！ 🎉 مرحبا *yes*", fetched.GetProperty("body").GetString());

        await using var db = factory.CreateDbContext();
        var stored = await db.Comments.SingleAsync(c => c.Id == id);
        Assert.Equal("li@example.com", stored.AuthorEmail);
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task GuestWithoutNameIsCalledGuest(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);

        var json = await PostAsync(factory.CreateClient(), slug, new { body = "Anonymous thought." });

        Assert.Equal("Guest", json.GetProperty("authorName").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FieldsAClientMustNotSetAreIgnored(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);

        var json = await PostAsync(factory.CreateClient(), slug, new
        {
            body = "Trying my luck.",
            id = 424242,
            status = "pending",
            depth = 9,
            createdAt = "2000-01-01T00:00:00Z",
            html = "<script>alert(1)</script>",
        });

        Assert.NotEqual(424242, Id(json));
        Assert.Equal("approved", json.GetProperty("status").GetString());
        Assert.Equal(1, json.GetProperty("depth").GetInt32());
        Assert.Equal(factory.Time.GetUtcNow(), json.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal("<p>Trying my luck.</p>", json.GetProperty("html").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ListReturnsThreadsNewestFirstWithNestedReplies(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();

        var first = Id(await PostAsync(client, slug, new { body = "First thread." }));
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var second = Id(await PostAsync(client, slug, new { body = "Second thread." }));
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var reply = Id(await PostAsync(client, slug, new { body = "Reply to first.", parentId = first }));
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var replyToReply = Id(await PostAsync(client, slug, new { body = "Reply to the reply.", parentId = reply }));
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var laterReply = Id(await PostAsync(client, slug, new { body = "Later reply to first.", parentId = first }));

        var page = await (await client.GetAsync($"/api/v1/articles/{slug}/comments")).ReadJsonAsync();

        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([second, first], items.Select(Id));
        Assert.Empty(items[0].GetProperty("replies").EnumerateArray());
        var replies = items[1].GetProperty("replies").EnumerateArray().ToList();
        Assert.Equal([reply, laterReply], replies.Select(Id));
        Assert.Equal(first, replies[0].GetProperty("parentId").GetInt64());
        Assert.Equal(2, replies[0].GetProperty("depth").GetInt32());
        var nested = Assert.Single(replies[0].GetProperty("replies").EnumerateArray());
        Assert.Equal(replyToReply, Id(nested));
        Assert.Equal(reply, nested.GetProperty("parentId").GetInt64());
        Assert.Equal(3, nested.GetProperty("depth").GetInt32());
        Assert.Equal("Reply to the reply.", nested.GetProperty("body").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RepliesBeyondTheDepthLimitAttachToTheDeepestAllowedAncestor(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();

        // Each comment answers the one before: depths 1, 2, 3, 4, then the limit (4) holds.
        var chain = new List<JsonElement> { await PostAsync(client, slug, new { body = "Level 1" }) };
        for (var level = 2; level <= 6; level++)
        {
            factory.Time.Advance(TimeSpan.FromSeconds(10));
            chain.Add(await PostAsync(client, slug, new { body = $"Level {level}", parentId = Id(chain[^1]) }));
        }

        Assert.Equal([1, 2, 3, 4, 4, 4], chain.Select(c => c.GetProperty("depth").GetInt32()));
        Assert.Equal(Id(chain[2]), chain[4].GetProperty("parentId").GetInt64());
        Assert.Equal(Id(chain[2]), chain[5].GetProperty("parentId").GetInt64());

        var page = await (await client.GetAsync($"/api/v1/articles/{slug}/comments")).ReadJsonAsync();
        var level3 = page.GetProperty("items")[0].GetProperty("replies")[0].GetProperty("replies")[0];
        Assert.Equal(Id(chain[2]), Id(level3));
        Assert.Equal([Id(chain[3]), Id(chain[4]), Id(chain[5])], level3.GetProperty("replies").EnumerateArray().Select(Id));
        Assert.All(level3.GetProperty("replies").EnumerateArray(), r => Assert.Empty(r.GetProperty("replies").EnumerateArray()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ControlsAndBidiOverridesAreStrippedWhileEveryScriptIsStoredUnchangedAndNormalized(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);

        var json = await PostAsync(factory.CreateClient(), slug, new
        {
            body = "a\0b \u202Eevil\u202C \u2066iso\u2069 مرحبا שלום 你好 がっこう 👨‍👩‍👧‍👦 🇯🇵 Cafe\u0301\r\nnext",
            authorName = "\u202EJose\u0301\u0000 \u2067Díaz",
        });

        const string expectedBody = "ab evil iso مرحبا שלום 你好 がっこう 👨‍👩‍👧‍👦 🇯🇵 Caf\u00E9\nnext";
        Assert.Equal(expectedBody, json.GetProperty("body").GetString());
        await using var db = factory.CreateDbContext();
        var stored = await db.Comments.SingleAsync(c => c.Id == Id(json));
        Assert.Equal(expectedBody, stored.BodyMarkdown);
        Assert.Equal("Jos\u00E9 Díaz", stored.AuthorName);
        Assert.DoesNotContain(stored.BodyMarkdown + stored.AuthorName + stored.BodyHtml, c => c == '\0' || Byline.Web.Comments.TextInput.IsBidiControl(c));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ListPagesWithLimit(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            factory.Time.Advance(TimeSpan.FromMinutes(1));
            ids.Add(Id(await PostAsync(client, slug, new { body = $"Thread {i}" })));
        }

        var first = await (await client.GetAsync($"/api/v1/articles/{slug}/comments?limit=2")).ReadJsonAsync();
        var next = first.GetProperty("next").GetString();
        var second = await (await client.GetAsync($"/api/v1/articles/{slug}/comments?limit=2&after={next}")).ReadJsonAsync();

        Assert.Equal([ids[2], ids[1]], first.GetProperty("items").EnumerateArray().Select(Id));
        Assert.Equal([ids[0]], second.GetProperty("items").EnumerateArray().Select(Id));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.Equal(3, second.GetProperty("total").GetInt32());
    }
}
