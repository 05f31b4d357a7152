using System.Net;
using System.Text;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Comments;

/// <summary>Posting with the plain HTML form, as a reader without JavaScript does.</summary>
public sealed class CommentFormTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static FormUrlEncodedContent Form(string? body, long? parentId = null, string? name = null, string? email = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (body is not null)
        {
            fields.Add(new("Body", body));
        }
        fields.Add(new("ParentId", parentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        fields.Add(new("AuthorName", name ?? ""));
        fields.Add(new("AuthorEmail", email ?? ""));
        return new FormUrlEncodedContent(fields);
    }

    private static HttpRequestMessage Post(string path, HttpContent content, string? fetchSite = "same-origin", string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return request;
    }

    private async Task<(BylineFactory Factory, string Slug, HttpClient Client)> StoryAsync(string provider, bool open = true)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("form");
        await factory.AddStoryAsync(slug, commentsOpen: open);
        return (factory, slug, factory.CreateNoRedirectClient());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FormPostStoresTheCommentAndRedirectsToIt(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);

        var response = await client.SendAsync(Post($"/world/{slug}", Form("Posted *without* JavaScript.", name: "Ana", email: "ana@example.com")));

        Assert.True(response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther, $"{response.StatusCode}");
        var comment = Assert.Single(await factory.CommentsOfAsync(slug));
        Assert.Equal($"/world/{slug}#comment-{comment.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Posted *without* JavaScript.", comment.BodyMarkdown);
        Assert.Equal("Ana", comment.AuthorName);
        Assert.Equal("ana@example.com", comment.AuthorEmail);
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));

        var page = await client.GetPageAsync($"/world/{slug}");
        Assert.Equal("Posted without JavaScript.", page.GetElementById($"comment-{comment.Id}")?.QuerySelector(".comment-body")?.Text());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FormReplyIsThreadedUnderItsParent(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);
        await client.SendAsync(Post($"/world/{slug}", Form("The parent.")));
        var parent = Assert.Single(await factory.CommentsOfAsync(slug));

        var response = await client.SendAsync(Post($"/world/{slug}", Form("The reply.", parent.Id, "Bo")));

        var reply = (await factory.CommentsOfAsync(slug))[1];
        Assert.Equal(parent.Id, reply.ParentId);
        Assert.Equal(parent.Id, reply.RootId);
        Assert.Equal(2, reply.Depth);
        Assert.EndsWith($"#comment-{reply.Id}", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var page = await client.GetPageAsync($"/world/{slug}");
        Assert.NotNull(page.QuerySelector($"#comment-{parent.Id} > ol.replies > li > #comment-{reply.Id}"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReplyPageOffersAFormThatPostsTheReply(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);
        await client.SendAsync(Post($"/world/{slug}", Form("The parent.", name: "Amina")));
        var parent = Assert.Single(await factory.CommentsOfAsync(slug));

        var page = await client.GetPageAsync($"/world/{slug}/reply/{parent.Id}");

        Assert.Equal("Replying to Amina", page.QuerySelector("h1")?.Text());
        var form = page.QuerySelector("form.comment-form")!;
        Assert.Equal($"/world/{slug}", form.GetAttribute("action"));
        Assert.Equal(parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("input[name=ParentId]")?.GetAttribute("value"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CrossSiteFormPostIsRefusedAndStoresNothing(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);

        var bySecFetch = await client.SendAsync(Post($"/world/{slug}", Form("Forged."), fetchSite: "cross-site"));
        var bySameSite = await client.SendAsync(Post($"/world/{slug}", Form("Forged."), fetchSite: "same-site"));
        var byOrigin = await client.SendAsync(Post($"/world/{slug}", Form("Forged."), fetchSite: null, origin: "https://evil.example"));
        var byNullOrigin = await client.SendAsync(Post($"/world/{slug}", Form("Forged."), fetchSite: null, origin: "null"));

        Assert.Equal(HttpStatusCode.Forbidden, bySecFetch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bySameSite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byNullOrigin.StatusCode);
        Assert.Equal((0, 0), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SameOriginFormPostByOriginIsAccepted(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);

        var response = await client.SendAsync(Post($"/world/{slug}", Form("From this site."), fetchSite: null, origin: "http://localhost"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));
    }

    public static TheoryData<string, string, string, string, string> FormErrors
    {
        get
        {
            (string Body, string Name, string Email, string Message)[] cases =
            [
                ("", "Ana", "ana@example.com", "Write something before posting."),
                ("   \r\n  ", "Ana", "", "Write something before posting."),
                (new string('x', 10_001), "Ana", "", "A comment can be at most 10,000 characters."),
                ("A fine comment.", new string('n', 81), "", "A name can be at most 80 characters."),
                ("A fine comment.", "Ana", "ana@", "That email address is not valid."),
                ("A fine comment.", "Ana", "not an email", "That email address is not valid."),
            ];
            var data = new TheoryData<string, string, string, string, string>();
            foreach (var provider in new[] { Databases.Sqlite, Databases.Postgres })
            {
                foreach (var (body, name, email, message) in cases)
                {
                    data.Add(provider, body, name, email, message);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(FormErrors))]
    public async Task FormErrorRerendersThePageWithTheMessageAndWhatTheReaderTyped(string provider, string body, string name, string email, string message)
    {
        var (factory, slug, client) = await StoryAsync(provider);

        var response = await client.SendAsync(Post($"/world/{slug}", Form(body, name: name, email: email)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Http.ParseAsync(response);
        Assert.Equal(TestData.Headline, page.QuerySelector("h1")?.Text());
        var form = page.QuerySelector("form#comment-form")!;
        Assert.Contains(form.QuerySelectorAll("[role=alert]"), e => e.Text() == message);
        // Blank input binds as nothing, so there is nothing to keep; an HTML parser reads a textarea's line breaks as \n.
        Assert.Equal(string.IsNullOrWhiteSpace(body) ? "" : body, form.QuerySelector("textarea[name=Body]")?.TextContent);
        Assert.Equal(name, form.QuerySelector("input[name=AuthorName]")?.GetAttribute("value") ?? "");
        Assert.Equal(email, form.QuerySelector("input[name=AuthorEmail]")?.GetAttribute("value") ?? "");
        Assert.Equal((0, 0), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task InvalidUtf8InAFormBodyIsAFormErrorAndStoresNothing(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);
        byte[] raw = [.. "Body=caf"u8, 0xC3, 0x28, .. "+ok&AuthorName=Ana"u8];
        var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");

        var response = await client.SendAsync(Post($"/world/{slug}", content));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Http.ParseAsync(response);
        Assert.Contains(page.QuerySelectorAll("#comment-form [role=alert]"), e => e.Text().Contains("invalid characters", StringComparison.Ordinal));
        Assert.Equal((0, 0), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PercentEncodedInvalidUtf8InAFormNeverStoresInvalidText(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);
        var content = new StringContent("Body=caf%C3%28+%ED%A0%80&AuthorName=Ana%FF", Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await client.SendAsync(Post($"/world/{slug}", content));

        // Undecodable escapes are either refused or kept as the literal text that was sent; never stored as broken text.
        Assert.True((int)response.StatusCode is 302 or 400, $"{response.StatusCode}");
        foreach (var comment in await factory.CommentsOfAsync(slug))
        {
            Assert.Equal(Byline.Web.Comments.TextInput.Problem.None, Byline.Web.Comments.TextInput.CleanMultiline(comment.BodyMarkdown).Problem);
            Assert.Equal(Byline.Web.Comments.TextInput.Problem.None, Byline.Web.Comments.TextInput.CleanSingleLine(comment.AuthorName).Problem);
        }
        var (stored, counted) = await factory.CommentCountsAsync(slug);
        Assert.Equal(stored, counted);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UnreadableFormIsAFormErrorOnTheStory(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);
        HttpContent[] unreadable =
        [
            // A value over the form reader's 64 KB limit.
            new StringContent("Body=" + new string('a', 70 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded"),
            // More fields than the form reader accepts.
            new StringContent(string.Join('&', Enumerable.Range(0, 100).Select(i => $"f{i}=x")) + "&Body=hi", Encoding.ASCII, "application/x-www-form-urlencoded"),
        ];

        foreach (var content in unreadable)
        {
            var response = await client.SendAsync(Post($"/world/{slug}", content));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await Http.ParseAsync(response);
            Assert.Equal(TestData.Headline, page.QuerySelector("h1")?.Text());
            Assert.Contains(page.QuerySelectorAll("#comment-form [role=alert]"), e => e.Text() == "The form could not be read. Please try again.");
        }
        Assert.Equal((0, 0), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FormPostToAClosedStoryIsRefused(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider, open: false);

        var response = await client.SendAsync(Post($"/world/{slug}", Form("Too late.")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Http.ParseAsync(response);
        Assert.Equal("Comments are closed on this story.", page.QuerySelector(".comments-closed")?.Text());
        Assert.Equal((0, 0), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FormReplyToACommentOfAnotherStoryIsRefused(string provider)
    {
        var (factory, slug, client) = await StoryAsync(provider);
        var (_, otherSlug, _) = await StoryAsync(provider);
        await client.SendAsync(Post($"/world/{otherSlug}", Form("Elsewhere.")));
        var foreign = Assert.Single(await factory.CommentsOfAsync(otherSlug));

        var response = await client.SendAsync(Post($"/world/{slug}", Form("Sneaky reply.", foreign.Id)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Http.ParseAsync(response);
        Assert.Contains(page.QuerySelectorAll("#comment-form [role=alert]"), e => e.Text() == "The comment you are replying to is not part of this story's discussion.");
        Assert.Equal((0, 0), await factory.CommentCountsAsync(slug));
        Assert.Equal((1, 1), await factory.CommentCountsAsync(otherSlug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FormPostToAnUnknownStoryIsNotFound(string provider)
    {
        var (factory, _, client) = await StoryAsync(provider);

        var response = await client.SendAsync(Post("/world/no-such-story", Form("Hello?")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Comments.AnyAsync(c => c.BodyMarkdown == "Hello?"));
    }
}
