using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Hosting;

public sealed class SecurityTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private const string HostileBody = """
        <script>alert('body')</script>
        <img src=x onerror="alert('img')">
        [click me](javascript:alert('link'))
        <a href="javascript:alert(1)" onclick="alert(2)">raw link</a>
        <svg onload=alert(3)></svg> <iframe src="https://evil.example"></iframe>
        <div style="background:url(javascript:alert(4))">styled</div>
        """;

    private const string HostileName = "<script>alert(1)</script><img src=x onerror=alert(2)>\"' onmouseover=\"alert(3)";

    /// <summary>
    /// Everything a page may run or load as script: the layout's own module, nothing else. Structured data is a script
    /// element too, but data that never runs: it must parse as JSON, and have no '&lt;' that could end the element.
    /// </summary>
    private static void AssertNoInjectedMarkup(IDocument page)
    {
        Assert.All(page.QuerySelectorAll("script[type='application/ld+json']"), data =>
        {
            Assert.DoesNotContain("<", data.TextContent, StringComparison.Ordinal);
            using var _ = System.Text.Json.JsonDocument.Parse(data.TextContent);
        });
        Assert.All(page.QuerySelectorAll("script:not([type='application/ld+json'])"), script =>
        {
            Assert.StartsWith("/js/", script.GetAttribute("src") ?? "", StringComparison.Ordinal);
            Assert.Equal("", script.TextContent.Trim());
        });
        Assert.Empty(page.QuerySelectorAll("iframe, svg, object, embed, main img, [style]"));
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                Assert.DoesNotContain("javascript:", attribute.Value, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task HtmlAndScriptInCommentsAreShownAsTextNeverRun(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("xss");
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", new { body = HostileBody, authorName = HostileName });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
        var form = new FormUrlEncodedContent([new("Body", HostileBody), new("AuthorName", HostileName), new("ParentId", id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/world/{slug}", form)).StatusCode);

        foreach (var url in new[] { $"/world/{slug}", $"/world/{slug}/comments", $"/world/{slug}/reply/{id}" })
        {
            var page = await client.GetPageAsync(url);

            AssertNoInjectedMarkup(page);
            var comment = page.GetElementById($"comment-{id}")!;
            Assert.Equal(HostileName, comment.QuerySelector(".comment-author")?.TextContent);
            Assert.Contains("<script>alert('body')</script>", comment.QuerySelector(".comment-body")?.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FormErrorPageEscapesWhatTheReaderTyped(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("xss-form");
        await factory.AddStoryAsync(slug);
        var form = new FormUrlEncodedContent([
            new("Body", "</textarea><script>alert(1)</script>"),
            new("AuthorName", "\"><script>alert(2)</script>"),
            new("AuthorEmail", "\"><img src=x onerror=alert(3)>"),
        ]);

        var response = await factory.CreateClient().PostAsync($"/world/{slug}", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Http.ParseAsync(response);
        AssertNoInjectedMarkup(page);
        Assert.Equal("</textarea><script>alert(1)</script>", page.QuerySelector("textarea[name=Body]")?.TextContent);
        Assert.Equal("\"><script>alert(2)</script>", page.QuerySelector("input[name=AuthorName]")?.GetAttribute("value"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task GuestEmailIsNeverShown(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("email");
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();
        var email = $"secret.reader.{Guid.NewGuid():N}@example.com";
        var posted = await client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", new { body = "Keep my address private.", authorName = "Private Reader", authorEmail = email });
        var postedJson = await posted.Content.ReadAsStringAsync();
        var id = (await posted.ReadJsonAsync()).GetProperty("id").GetInt64();
        await client.PostAsync($"/world/{slug}", new FormUrlEncodedContent([new("Body", "Form reply."), new("ParentId", $"{id}"), new("AuthorEmail", email)]));

        string[] urls =
        [
            $"/world/{slug}", $"/world/{slug}/comments", $"/world/{slug}/reply/{id}",
            $"/api/v1/articles/{slug}/comments", $"/api/v1/comments/{id}", $"/api/v1/articles/{slug}", "/", "/world",
        ];
        Assert.DoesNotContain(email, postedJson, StringComparison.OrdinalIgnoreCase);
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("secret.reader", text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.All(await factory.CommentsOfAsync(slug), c => Assert.Equal(email, c.AuthorEmail));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryKindOfResponseCarriesTheSecurityHeaders(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("headers");
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();
        string[] urls = [$"/world/{slug}", "/", "/world/no-such-story", $"/api/v1/articles/{slug}/comments", "/api/v1/nothing/here/at-all", "/robots.txt", "/openapi/v1.json"];

        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .ToDictionary(d => d.Split(' ')[0], d => d);
            Assert.Equal("script-src 'self'", directives["script-src"]);
            Assert.Equal("object-src 'none'", directives["object-src"]);
            Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CachedPageCarriesTheSecurityHeadersToo(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("cached-headers");
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();
        await client.GetAsync($"/world/{slug}");

        var cached = await client.GetAsync($"/world/{slug}");

        Assert.Contains("script-src 'self'", string.Join(";", cached.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.False(cached.Headers.Contains("Set-Cookie"), "an anonymous story page sets no cookie");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task StoryMarkdownCannotInjectMarkup(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("story-xss");
        await factory.AddStoryAsync(slug, body: HostileBody, headline: "<script>alert('headline')</script>", standfirst: "<img src=x onerror=alert(1)>");

        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");

        AssertNoInjectedMarkup(page);
        Assert.Equal("<script>alert('headline')</script>", page.QuerySelector("h1")?.TextContent);
    }
}
