using System.Net;
using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Media;

/// <summary>Who may upload: writers, editors and admins. Readers and moderators are refused; anonymous people must sign in.</summary>
public sealed class MediaAccessTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [InlineData(Roles.Writer)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Admin)]
    public async Task StaffWhoWriteMayUploadOnThePageAndThroughTheApi(string role)
    {
        var factory = apps[Databases.Sqlite];
        var user = await factory.CreateUserAsync(role);
        using var client = factory.BrowserFor(user);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostToPageAsync(new(TestImages.Jpeg()))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostToApiAsync(new(TestImages.Jpeg()))).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Moderator)]
    [InlineData(null)]
    public async Task ReadersAndModeratorsAreForbiddenAndStoreNothing(string? role)
    {
        var factory = apps[Databases.Sqlite];
        var user = role is null ? await factory.CreateUserAsync() : await factory.CreateUserAsync(role);
        using var client = factory.BrowserFor(user);
        var before = await factory.CountsAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Uploads.Page)).StatusCode);
        using var form = Uploads.Multipart(new(TestImages.Jpeg()));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(Uploads.Page, form)).StatusCode);
        await Http.AssertProblemAsync(await client.PostToApiAsync(new(TestImages.Jpeg())), HttpStatusCode.Forbidden, "not-allowed");

        Assert.Equal(before, await factory.CountsAsync());
    }

    [Fact]
    public async Task AnonymousVisitorIsSentToSignInAndTheApiAnswers401()
    {
        var factory = apps[Databases.Sqlite];
        using var client = factory.CreateNoRedirectClient();
        var before = await factory.CountsAsync();

        var page = await client.GetAsync(Uploads.Page);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/sign-in?ReturnUrl=%2Fnewsroom%2Fimages", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);

        using var form = Uploads.Multipart(new(TestImages.Jpeg()));
        var post = await client.PostAsync(Uploads.Page, form);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);

        var api = await client.PostToApiAsync(new(TestImages.Jpeg()));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("Bearer", api.Headers.WwwAuthenticate.ToString());

        Assert.Equal(before, await factory.CountsAsync());
    }

    [Fact]
    public async Task AnUnknownTokenIsUnauthorized()
    {
        var factory = apps[Databases.Sqlite];
        using var client = factory.CreateNoRedirectClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "byl_not-a-real-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostToApiAsync(new(TestImages.Jpeg()))).StatusCode);
    }
}
