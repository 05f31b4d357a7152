using System.Net;
using System.Text;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Comments;

/// <summary>Whatever a client sends, the answer is never a 500, and a refusal stores nothing.</summary>
public sealed class HostileInputTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static readonly string[] Payloads =
    [
        "[]",
        "[{\"body\":\"in an array\"}]",
        "42",
        "-1e999",
        "true",
        "\"just a string\"",
        "{}",
        "{\"body\":{}}",
        "{\"body\":[\"a\",\"b\"]}",
        "{\"body\":{\"nested\":{\"deeper\":\"x\"}}}",
        "{\"body\":true}",
        "{\"body\":1e309}",
        "{\"body\":\"ok\",\"parentId\":1e400}",
        "{\"body\":\"ok\",\"parentId\":123456789012345678901234567890}",
        "{\"body\":\"ok\",\"parentId\":9223372036854775807}",
        "{\"body\":\"ok\",\"parentId\":-9223372036854775808}",
        "{\"body\":\"ok\",\"parentId\":1.5}",
        "{\"body\":\"ok\",\"parentId\":\"12\"}",
        "{\"body\":\"ok\",\"parentId\":\"NaN\"}",
        "{\"body\":\"ok\",\"parentId\":\"Infinity\"}",
        "{\"body\":\"ok\",\"parentId\":\"\"}",
        "{\"body\":\"ok\",\"parentId\":[1]}",
        "{\"body\":\"ok\",\"parentId\":{\"id\":1}}",
        "{\"body\":\"ok\",\"parentId\":null,\"authorName\":null,\"authorEmail\":null}",
        "{\"body\":\"ok\",\"authorName\":123}",
        "{\"body\":\"ok\",\"authorEmail\":[\"a@example.com\"]}",
        "{\"body\":\"ok\",\"body\":\"duplicate key\"}",
        "{\"BODY\":\"case\"}",
        "{\"body\":\"ok\"",
        "{\"body\":'single quotes'}",
        "{body:\"unquoted key\"}",
        "{\"body\":\"ok\",}",
        "/* comment */ {\"body\":\"ok\"}",
        "\uFEFF{\"body\":\"with a BOM\"}",
        "{\"body\":\"\\u0000\\u0000\\u0000\"}",
        "{\"body\":\"\\ud800\\udc00\\ud800\"}",
        "{\"body\":\"\\uDFFF\\uD800\"}",
        "{\"body\":\"<script>alert(1)</script>\",\"authorName\":\"<img src=x onerror=alert(1)>\"}",
        "{\"body\":\"' OR 1=1; DROP TABLE \\\"Comments\\\"; --\"}",
        "{\"body\":\"%s%s%s%n\",\"authorName\":\"{0}{1}\"}",
        "{\"body\":\"" + new string('[', 200) + "\"}",
        "{\"body\":\"" + new string('>', 500) + " deep quote\"}",
        "{\"body\":\"" + string.Concat(Enumerable.Repeat("- ", 500)) + "deep list\"}",
        "{\"body\":\"" + new string('*', 3000) + "x" + new string('*', 3000) + "\"}",
        "{\"body\":\"" + string.Concat(Enumerable.Repeat("[a](", 300)) + "x" + new string(')', 300) + "\"}",
        new string('[', 5_000) + new string(']', 5_000),
        "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 501),
        "{\"body\":\"ok\",\"extra\":" + new string('[', 100) + new string(']', 100) + "}",
        "{\"body\":\"" + string.Concat(Enumerable.Repeat("\u0301", 5_000)) + "\"}",
        "{\"body\":\"" + string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 5_000)) + "\"}",
        "{\"body\":\"" + string.Concat(Enumerable.Repeat("\\u202e", 3_000)) + "x\"}",
    ];

    public static TheoryData<string, int> Cases
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var provider in new[] { Databases.Sqlite, Databases.Postgres })
            {
                for (var i = 0; i < Payloads.Length; i++)
                {
                    data.Add(provider, i);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileJsonNeverCausesAServerError(string provider, int index)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("hostile");
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();

        var response = await client.PostAsync($"/api/v1/articles/{slug}/comments", new StringContent(Payloads[index], Encoding.UTF8, "application/json"));

        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{Payloads[index][..Math.Min(80, Payloads[index].Length)]} → {status}: {await response.Content.ReadAsStringAsync()}");
        var (stored, counted) = await factory.CommentCountsAsync(slug);
        if (status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(string.IsNullOrEmpty((await response.ReadJsonAsync()).GetProperty("code").GetString()));
            Assert.Equal((0, 0), (stored, counted));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal((1, 1), (stored, counted));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task HostileRequestsToPagesAndApiNeverCauseAServerError(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("hostile");
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();
        string[] gets =
        [
            $"/world/{slug}?after=abc&before=xyz",
            $"/world/{slug}/comments?after=-1-1",
            $"/world/{slug}/comments?after=9223372036854775807-9223372036854775807",
            $"/world/{slug}/comments?after=0-0",
            $"/world/{slug}/reply/abc",
            $"/world/{slug}/reply/99999999999999999999999",
            $"/world/{slug}/reply/-1",
            "/?before=not-a-cursor",
            "/?before=9223372036854775807-1",
            "/world?before=%00",
            "/writers/%E0%A4%A",
            "/%F0%9F%92%A9/%F0%9F%92%A9",
            "/world/" + new string('a', 5_000),
            $"/api/v1/articles/{slug}/comments?after=1-1&limit=-2147483648",
            $"/api/v1/articles/{slug}/comments?limit=2147483648",
            "/api/v1/comments/9223372036854775807",
            "/api/v1/comments/-9223372036854775808",
            "/api/v1/comments/99999999999999999999",
            "/errors/999999999999",
            "/errors/200",
        ];

        foreach (var url in gets)
        {
            var response = await client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"GET {url[..Math.Min(80, url.Length)]} → {(int)response.StatusCode}");
        }

        HttpMethod[] methods = [HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch];
        foreach (var method in methods)
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, $"/api/v1/articles/{slug}/comments") { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} → {(int)response.StatusCode}");
        }

        using var multipart = new MultipartFormDataContent { { new StringContent("hi"), "Body" }, { new ByteArrayContent(new byte[1000]), "file", "x.bin" } };
        Assert.True((int)(await client.PostAsync($"/world/{slug}", multipart)).StatusCode < 500);
        using var garbage = new ByteArrayContent([0x00, 0xFF, 0x13, 0x37]);
        garbage.Headers.ContentType = new("application/x-www-form-urlencoded");
        Assert.True((int)(await client.PostAsync($"/world/{slug}", garbage)).StatusCode < 500);
        using var badBoundary = new StringContent("--x\r\nbroken", Encoding.UTF8);
        badBoundary.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=zzz");
        Assert.True((int)(await client.PostAsync($"/world/{slug}", badBoundary)).StatusCode < 500);

        var (stored, counted) = await factory.CommentCountsAsync(slug);
        Assert.Equal(stored, counted);
        Assert.True(stored <= 1, $"{stored} comments stored; only the multipart post could have been one");
    }
}
