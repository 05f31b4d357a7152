using System.Net;
using System.Net.Http.Json;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Accounts;

public sealed class SignedInCommentTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ASignedInReaderCommentsUnderTheirAccountWithTheFormToken(string provider)
    {
        using var factory = new BylineFactory(provider);
        var reader = await factory.CreateUserAsync();
        var slug = Unique.Slug("signed-in-comment");
        await factory.AddStoryAsync(slug);
        using var visitor = AccountSession.Start(factory);
        await visitor.SignInAsync(reader.Email, TestUsers.Password);

        var page = await visitor.PageAsync($"/world/{slug}");
        var form = page.QuerySelector("form#comment-form")!;
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Null(form.QuerySelector("input[name=AuthorName]"));
        Assert.Null(form.QuerySelector("input[name=AuthorEmail]"));
        Assert.Equal($"Commenting as {reader.DisplayName}", form.QuerySelector(".comment-as")!.Text());

        // Whatever name a forged field claims, the comment is the account's.
        var response = await visitor.SubmitAsync($"/world/{slug}", new Dictionary<string, string>
        {
            ["Body"] = "Signed in and commenting.",
            ["AuthorName"] = "Someone Else",
            ["AuthorEmail"] = "else@example.test",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = factory.CreateDbContext();
        var articleId = await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
        var comment = await db.Comments.SingleAsync(c => c.ArticleId == articleId);
        Assert.Equal((reader.Id, reader.DisplayName, (string?)null), (comment.AuthorUserId, comment.AuthorName, comment.AuthorEmail));
        Assert.EndsWith($"#comment-{comment.Id}", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(reader.DisplayName, (await visitor.PageAsync($"/world/{slug}")).QuerySelector($"#comment-{comment.Id}-author")!.Text());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ASignedInPostWithoutTheFormTokenIsRefusedAndStoresNothing(string provider)
    {
        using var factory = new BylineFactory(provider);
        var reader = await factory.CreateUserAsync();
        var slug = Unique.Slug("no-token");
        await factory.AddStoryAsync(slug);
        using var visitor = AccountSession.Start(factory);
        await visitor.SignInAsync(reader.Email, TestUsers.Password);

        // Same-origin as far as the headers go (none sent): only the missing token gives it away.
        var response = await visitor.Client.PostAsync($"/world/{slug}", new FormUrlEncodedContent([new("Body", "Forged by another site.")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Http.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("This form has expired", page.QuerySelector("#comment-form-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("Forged by another site.", page.QuerySelector("#comment-body")!.TextContent);
        Assert.NotNull(page.QuerySelector("form#comment-form input[name=__RequestVerificationToken]"));
        Assert.Equal((0, 0), await factory.CommentCountsAsync(slug));
    }

    [Fact]
    public async Task TheCachedAnonymousStoryPageCarriesNoTokenAndNothingPersonal()
    {
        using var factory = new BylineFactory();
        var reader = await factory.CreateUserAsync();
        var slug = Unique.Slug("cached-anonymous");
        await factory.AddStoryAsync(slug);
        var guest = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var visitor = AccountSession.Start(factory);
        await visitor.SignInAsync(reader.Email, TestUsers.Password);

        var first = await guest.GetAsync($"/world/{slug}");
        // A signed-in reader's render in between must not end up in the shared cache.
        var personal = await visitor.PageAsync($"/world/{slug}");
        var cached = await guest.GetAsync($"/world/{slug}");

        Assert.NotNull(personal.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal(reader.DisplayName, personal.QuerySelector(".account-nav .account-name")!.Text());
        var firstHtml = await first.Content.ReadAsStringAsync();
        var cachedHtml = await cached.Content.ReadAsStringAsync();
        Assert.Equal(firstHtml, cachedHtml);
        foreach (var response in new[] { first, cached })
        {
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }
        var page = Http.Parse(cachedHtml);
        Assert.Null(page.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.DoesNotContain(reader.DisplayName, cachedHtml, StringComparison.Ordinal);
        Assert.Equal(["Sign in", "Register"], page.QuerySelectorAll(".account-nav a").Select(a => a.Text()));
        Assert.NotNull(page.QuerySelector("form#comment-form input[name=AuthorName]"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SignedInReadersStillCommentWhenGuestCommentsAreOff(string provider)
    {
        using var factory = new BylineFactory(provider);
        var reader = await factory.CreateUserAsync();
        var slug = Unique.Slug("members-comment");
        await factory.AddStoryAsync(slug);
        await factory.UpdateSiteSettingsAsync(s => s.GuestCommentsAllowed = false);
        var guest = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var visitor = AccountSession.Start(factory);
        await visitor.SignInAsync(reader.Email, TestUsers.Password);

        var anonymous = await guest.GetPageAsync($"/world/{slug}");
        Assert.Null(anonymous.QuerySelector("form#comment-form"));
        Assert.Equal($"/account/sign-in?ReturnUrl=%2Fworld%2F{slug}", anonymous.QuerySelector(".comments-closed a")!.GetAttribute("href"));
        var posted = await visitor.SubmitAsync($"/world/{slug}", new Dictionary<string, string> { ["Body"] = "Members only, and I am one." });
        var viaApi = await factory.ClientFor(reader).PostAsJsonAsync($"/api/v1/articles/{slug}/comments", new { body = "And by API." });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Created, viaApi.StatusCode);
        Assert.Equal((2, 2), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WithAnApiTokenTheApiPostsAsTheTokensOwner(string provider)
    {
        using var factory = new BylineFactory(provider);
        var reader = await factory.CreateUserAsync();
        var slug = Unique.Slug("token-comment");
        await factory.AddStoryAsync(slug);

        var response = await factory.ClientFor(reader).PostAsJsonAsync($"/api/v1/articles/{slug}/comments",
            new { body = "Posted by a script.", authorName = "Not Me", authorEmail = "x@example.test" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal(reader.DisplayName, json.GetProperty("authorName").GetString());
        await using var db = factory.CreateDbContext();
        var articleId = await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
        var comment = await db.Comments.SingleAsync(c => c.ArticleId == articleId);
        Assert.Equal((reader.Id, reader.DisplayName, (string?)null), (comment.AuthorUserId, comment.AuthorName, comment.AuthorEmail));
    }

    [Fact]
    public async Task ACookieSignedInApiPostMustBeSameSiteJson()
    {
        using var factory = new BylineFactory();
        var reader = await factory.CreateUserAsync();
        var slug = Unique.Slug("cookie-api");
        await factory.AddStoryAsync(slug);
        using var visitor = AccountSession.Start(factory);
        await visitor.SignInAsync(reader.Email, TestUsers.Password);
        var url = $"/api/v1/articles/{slug}/comments";

        // What an HTML form on another site can send: not JSON.
        var asForm = await visitor.Client.PostAsync(url, new FormUrlEncodedContent([new("body", "Forged.")]));
        var asText = await visitor.Client.PostAsync(url, new StringContent("{\"body\":\"Forged.\"}", System.Text.Encoding.UTF8, "text/plain"));
        // A browser that says the request comes from another site.
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { body = "Forged." }) };
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        var fromElsewhere = await visitor.Client.SendAsync(crossSite);

        await Http.AssertProblemAsync(asForm, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await Http.AssertProblemAsync(asText, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await Http.AssertProblemAsync(fromElsewhere, HttpStatusCode.Forbidden, "cross-site");
        Assert.Equal((0, 0), await factory.CommentCountsAsync(slug));

        using var sameSite = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { body = "From the page's own script." }) };
        sameSite.Headers.Add("Sec-Fetch-Site", "same-origin");
        var posted = await visitor.Client.SendAsync(sameSite);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(reader.DisplayName, (await posted.ReadJsonAsync()).GetProperty("authorName").GetString());
    }
}
