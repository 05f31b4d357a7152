using System.Net;
using System.Net.Http.Json;
using System.Text;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Comments;

/// <summary>Every bad input is answered 4xx with a stable problem code, and nothing of it is stored.</summary>
public sealed class BadCommentInputTests(BylineApps apps) : IClassFixture<BylineApps>
{
    /// <summary>A story that already has one comment, so a wrongly bumped counter shows.</summary>
    private async Task<(BylineFactory Factory, string Slug, HttpClient Client, long ExistingId)> StoryAsync(string provider, bool open = true)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("bad");
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();
        var existing = await client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", new { body = "Already here." });
        Assert.Equal(HttpStatusCode.Created, existing.StatusCode);
        if (!open)
        {
            await factory.AddStoryAsync(slug, commentsOpen: false);
        }
        return (factory, slug, client, (await existing.ReadJsonAsync()).GetProperty("id").GetInt64());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>What a client sends → the status and code it gets back.</summary>
    private static readonly Dictionary<string, (string Json, HttpStatusCode Status, string Code)> BadBodies = new()
    {
        ["empty body"] = ("""{"body":""}""", HttpStatusCode.BadRequest, "body-required"),
        ["whitespace body"] = ("""{"body":"  \n\t \r\n "}""", HttpStatusCode.BadRequest, "body-required"),
        ["missing body"] = ("""{"authorName":"Ana"}""", HttpStatusCode.BadRequest, "body-required"),
        ["null body"] = ("""{"body":null}""", HttpStatusCode.BadRequest, "body-required"),
        ["only NUL and bidi controls"] = ("""{"body":"\u0000\u202e"}""", HttpStatusCode.BadRequest, "body-required"),
        ["body over 10,000 characters"] = ($$"""{"body":"{{new string('a', 10_001)}}"}""", HttpStatusCode.BadRequest, "body-too-long"),
        ["10,001 emoji"] = ($$"""{"body":"{{string.Concat(Enumerable.Repeat("😀", 10_001))}}"}""", HttpStatusCode.BadRequest, "body-too-long"),
        ["name over 80 characters"] = ($$"""{"body":"ok","authorName":"{{new string('n', 81)}}"}""", HttpStatusCode.BadRequest, "name-too-long"),
        ["malformed email"] = ("""{"body":"ok","authorEmail":"not-an-email"}""", HttpStatusCode.BadRequest, "email-invalid"),
        ["email without a dotted domain"] = ("""{"body":"ok","authorEmail":"ana@localhost"}""", HttpStatusCode.BadRequest, "email-invalid"),
        ["lone high surrogate"] = ("""{"body":"broken \ud800 text"}""", HttpStatusCode.BadRequest, "invalid-text"),
        ["lone low surrogate"] = ("""{"body":"\udc00"}""", HttpStatusCode.BadRequest, "invalid-text"),
        ["lone surrogate in name"] = ("""{"body":"ok","authorName":"\ud83d"}""", HttpStatusCode.BadRequest, "invalid-text"),
        ["replacement character"] = ("""{"body":"bad \ufffd byte"}""", HttpStatusCode.BadRequest, "invalid-text"),
        ["non-existent parent"] = ("""{"body":"ok","parentId":987654321}""", HttpStatusCode.BadRequest, "parent-not-found"),
        ["negative parent"] = ("""{"body":"ok","parentId":-1}""", HttpStatusCode.BadRequest, "parent-not-found"),
        ["unterminated JSON"] = ("""{"body":"ok" """, HttpStatusCode.BadRequest, "malformed-json"),
        ["trailing garbage"] = ("""{"body":"ok"} x""", HttpStatusCode.BadRequest, "malformed-json"),
        ["array instead of object"] = ("""["body","ok"]""", HttpStatusCode.BadRequest, "malformed-json"),
        ["null document"] = ("null", HttpStatusCode.BadRequest, "malformed-json"),
        ["empty document"] = ("", HttpStatusCode.BadRequest, "malformed-json"),
        ["number as body"] = ("""{"body":42}""", HttpStatusCode.BadRequest, "malformed-json"),
        ["parent id as words"] = ("""{"body":"ok","parentId":"abc"}""", HttpStatusCode.BadRequest, "malformed-json"),
        ["parent id too large"] = ("""{"body":"ok","parentId":99999999999999999999999}""", HttpStatusCode.BadRequest, "malformed-json"),
    };

    public static TheoryData<string, string> BadBodyCases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var provider in new[] { Databases.Sqlite, Databases.Postgres })
            {
                foreach (var name in BadBodies.Keys)
                {
                    data.Add(provider, name);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BadBodyCases))]
    public async Task BadCommentIsRefusedWithItsCodeAndStoresNothing(string provider, string @case)
    {
        var (json, status, code) = BadBodies[@case];
        var (factory, slug, client, _) = await StoryAsync(provider);

        var response = await client.PostAsync($"/api/v1/articles/{slug}/comments", Json(json));

        var problem = await Http.AssertProblemAsync(response, status, code);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FieldErrorsNameTheField(string provider)
    {
        var (_, slug, client, _) = await StoryAsync(provider);

        var problem = await Http.AssertProblemAsync(
            await client.PostAsync($"/api/v1/articles/{slug}/comments", Json("""{"body":"ok","authorEmail":"x"}""")), HttpStatusCode.BadRequest, "email-invalid");

        Assert.Equal("authorEmail", problem.GetProperty("field").GetString());
    }

    public static TheoryData<string, string> InvalidUtf8Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var provider in new[] { Databases.Sqlite, Databases.Postgres })
            {
                foreach (var name in InvalidUtf8.Keys)
                {
                    data.Add(provider, name);
                }
            }
            return data;
        }
    }

    private static readonly Dictionary<string, (byte[] Bytes, string Field)> InvalidUtf8 = new()
    {
        ["C3 28 in body"] = ([.. "{\"body\":\"caf"u8, 0xC3, 0x28, .. "\"}"u8], "body"),
        ["FF FE in name"] = ([.. "{\"body\":\"ok\",\"authorName\":\""u8, 0xFF, 0xFE, .. "\"}"u8], "authorName"),
        ["encoded surrogate in body"] = ([.. "{\"body\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8], "body"), // UTF-8 forbids surrogates
        ["truncated sequence in body"] = ([.. "{\"body\":\"x"u8, 0xF0, 0x9F, 0x98, .. "\"}"u8], "body"),
        ["overlong encoding in email"] = ([.. "{\"body\":\"ok\",\"authorEmail\":\"a"u8, 0xC0, 0xAF, .. "@example.com\"}"u8], "authorEmail"),
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8Cases))]
    public async Task InvalidUtf8BytesInJsonAreRefusedAsInvalidTextAndStoreNothing(string provider, string @case)
    {
        var (factory, slug, client, _) = await StoryAsync(provider);
        var (bytes, field) = InvalidUtf8[@case];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");

        var response = await client.PostAsync($"/api/v1/articles/{slug}/comments", content);

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, field == "authorEmail" ? "email-invalid" : "invalid-text");
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UnknownArticleIsNotFound(string provider)
    {
        var (factory, _, client, _) = await StoryAsync(provider);
        await using var db = factory.CreateDbContext();
        var before = await db.Comments.CountAsync();

        var response = await client.PostAsJsonAsync("/api/v1/articles/no-such-story/comments", new { body = "Hello?" });

        await Http.AssertProblemAsync(response, HttpStatusCode.NotFound, "article-not-found");
        Assert.Equal(before, await db.Comments.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ClosedStoryRefusesCommentsWithConflict(string provider)
    {
        var (factory, slug, client, existing) = await StoryAsync(provider, open: false);

        await Http.AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", new { body = "Too late." }),
            HttpStatusCode.Conflict, "comments-closed");
        await Http.AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", new { body = "Too late.", parentId = existing }),
            HttpStatusCode.Conflict, "comments-closed");
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ParentFromAnotherArticleIsRefused(string provider)
    {
        var (factory, slug, client, _) = await StoryAsync(provider);
        var (_, otherSlug, _, foreignComment) = await StoryAsync(provider);

        var response = await client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", new { body = "Cross-posted reply.", parentId = foreignComment });

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, "parent-not-found");
        Assert.Equal("parentId", problem.GetProperty("field").GetString());
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));
        Assert.Equal((1, 1), await factory.CommentCountsAsync(otherSlug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WrongContentTypeIsUnsupported(string provider)
    {
        var (factory, slug, client, _) = await StoryAsync(provider);
        HttpContent[] contents =
        [
            new StringContent("""{"body":"ok"}""", Encoding.UTF8, "text/plain"),
            new FormUrlEncodedContent([new("body", "ok")]),
            new ByteArrayContent("""{"body":"ok"}"""u8.ToArray()),
            new StringContent("<comment>ok</comment>", Encoding.UTF8, "application/xml"),
        ];

        foreach (var content in contents)
        {
            await Http.AssertProblemAsync(await client.PostAsync($"/api/v1/articles/{slug}/comments", content), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        }
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadCursorIsRefused(string provider)
    {
        var (_, slug, client, _) = await StoryAsync(provider);
        string[] cursors = ["abc", "-1", "1-", "12", "1-x", "99999999999999999999-1", "1-99999999999999999999", "%20", "1--2", "+1-2"];

        foreach (var cursor in cursors)
        {
            await Http.AssertProblemAsync(await client.GetAsync($"/api/v1/articles/{slug}/comments?after={Uri.EscapeDataString(cursor)}"),
                HttpStatusCode.BadRequest, "invalid-cursor");
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task LimitOutOfRangeIsRefused(string provider)
    {
        var (_, slug, client, _) = await StoryAsync(provider);

        foreach (var limit in new[] { "0", "-5", "101", "2147483647" })
        {
            await Http.AssertProblemAsync(await client.GetAsync($"/api/v1/articles/{slug}/comments?limit={limit}"), HttpStatusCode.BadRequest, "invalid-limit");
        }
        foreach (var limit in new[] { "abc", "1.5", "99999999999" })
        {
            var response = await client.GetAsync($"/api/v1/articles/{slug}/comments?limit={limit}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/articles/{slug}/comments?limit=100")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/articles/{slug}/comments?limit=1")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ListOfUnknownArticleAndUnknownCommentAreNotFound(string provider)
    {
        var (_, _, client, _) = await StoryAsync(provider);

        await Http.AssertProblemAsync(await client.GetAsync("/api/v1/articles/no-such-story/comments"), HttpStatusCode.NotFound, "article-not-found");
        await Http.AssertProblemAsync(await client.GetAsync("/api/v1/articles/no-such-story"), HttpStatusCode.NotFound, "article-not-found");
        await Http.AssertProblemAsync(await client.GetAsync("/api/v1/comments/987654321"), HttpStatusCode.NotFound, "comment-not-found");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadDiscussionPageCursorIsABadRequest(string provider)
    {
        var (_, slug, client, _) = await StoryAsync(provider);

        var response = await client.GetAsync($"/world/{slug}/comments?after=nonsense");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
