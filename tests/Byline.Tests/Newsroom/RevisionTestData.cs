using System.Net;
using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Byline.Web.Articles;
using Byline.Web.Newsroom;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Byline.Tests.Newsroom;

/// <summary>
/// Stories with revisions, made straight through the DbContext and <see cref="StoryRevisions.Record"/> (as the editor
/// saves them), and form posts that carry the antiforgery token of the page they come from.
/// </summary>
public static class RevisionTestData
{
    private static readonly ArticleRenderer Renderer = new();

    /// <summary>A story (imported, so its content is revision 1, then put in <paramref name="state"/>).</summary>
    public static async Task<int> AddStoryWithRevisionAsync(
        this BylineFactory factory, string slug, ArticleState state = ArticleState.Published, string? createdBy = null,
        string headline = TestData.Headline, string body = "The levy was agreed after a long night.\n")
    {
        await factory.AddStoryAsync(slug, headline: headline, body: body);
        await using var db = factory.CreateDbContext();
        var article = await db.Articles.Include(a => a.Bylines).SingleAsync(a => a.Slug == slug);
        article.State = state;
        article.CreatedByUserId = createdBy;
        // An import records its content as revision 1 already; the state is workflow, not content.
        Assert.Equal(1, article.Revision);
        await db.SaveChangesAsync();
        return article.Id;
    }

    /// <summary>Saves an edit as the next revision, five minutes after the last one; returns its number.</summary>
    public static async Task<int> AddRevisionAsync(
        this BylineFactory factory, int id, Action<Article> edit, string? note = null, string author = "Ingrid Halvorsen")
    {
        await using var db = factory.CreateDbContext();
        var article = await db.Articles.Include(a => a.Bylines).SingleAsync(a => a.Id == id);
        var basedOn = article.Revision;
        edit(article);
        article.BodyHtml = Renderer.Render(article.BodyMarkdown);
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        StoryRevisions.Record(db, article, basedOn, null, author, note, factory.Time.GetUtcNow());
        await db.SaveChangesAsync();
        return article.Revision;
    }

    public static async Task<Article> StoryAsync(this BylineFactory factory, int id)
    {
        await using var db = factory.CreateDbContext();
        return await db.Articles.AsNoTracking().Include(a => a.Bylines.OrderBy(b => b.Position)).SingleAsync(a => a.Id == id);
    }

    /// <summary>
    /// Opens <paramref name="page"/>, takes the antiforgery token from the form that posts to <paramref name="action"/>
    /// (or the page's first post form), and posts the fields there with it.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string page, string? action, params (string Name, string Value)[] fields)
    {
        var document = await client.GetPageAsync(page);
        var form = document.QuerySelectorAll("form[method=post]")
            .FirstOrDefault(f => action is null || f.GetAttribute("action") == action);
        Assert.True(form is not null, $"{page} has no form posting to {action ?? "itself"}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), "the form carries an antiforgery token");
        var content = new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]);
        return await client.PostAsync(action ?? page, content);
    }

    public static void AssertRedirect(this HttpResponseMessage response, string startsWith)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther,
            $"expected a redirect but got {(int)response.StatusCode}");
        Assert.StartsWith(startsWith, response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>
    /// Posts a form as <paramref name="user"/> with a valid antiforgery token pair made for them, without a page to take
    /// it from: to show that a person who may not act is refused by the rules, not merely by a missing token.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsAsync(
        this BylineFactory factory, TestUsers.TestUser user, string path, params (string Name, string Value)[] fields)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var account = await services.GetRequiredService<UserManager<BylineUser>>().FindByIdAsync(user.Id);
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<BylineUser>>().CreateAsync(account!);
        var tokens = services.GetRequiredService<IAntiforgery>().GetTokens(new DefaultHttpContext { RequestServices = services, User = principal });
        var cookieName = services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create(tokens.FormFieldName, tokens.RequestToken)]),
        };
        request.Headers.Add("Cookie", $"{cookieName}={tokens.CookieToken}");
        return await factory.ClientFor(user).SendAsync(request);
    }
}
