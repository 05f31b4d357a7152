using System.Net;
using Byline.Data.Comments;
using Byline.Tests.Infrastructure;
using Byline.Tests.Moderation;

namespace Byline.Tests.Comments;

/// <summary>Editing without JavaScript: /comments/{id}/edit, linked from the reader's comments page while the window is open.</summary>
public sealed class EditFormTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheAuthorEditsThroughTheFormAndReturnsToTheComment(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var user = await factory.CreateUserAsync();
        using var author = factory.FormClient(user);
        var body = ModerationKit.Innocent(ModerationKit.Marker("form"));
        var posted = await factory.ClientFor(user).PostCreatedAsync(slug, body);
        var id = posted.Id();

        var mine = await author.GetPageAsync("/account/comments");
        Assert.Equal($"/comments/{id}/edit", mine.QuerySelector($"#my-comment-{id} a.my-comment-edit")!.GetAttribute("href"));
        var form = await author.GetPageAsync($"/comments/{id}/edit");
        Assert.Equal(body, form.QuerySelector("textarea#edit-body")!.TextContent.Trim());
        Assert.NotNull(form.QuerySelector($"form.edit-form input[name={Forms.AntiforgeryField}]"));

        var empty = await author.SubmitAsync(form, $"/comments/{id}/edit", "form.edit-form", ("Body", " "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Write something before posting.", (await Http.ParseAsync(empty)).QuerySelector("#edit-body-error")!.TextContent);

        var after = ModerationKit.Marker("edited");
        var saved = await author.SubmitAsync($"/comments/{id}/edit", "form.edit-form", ("Body", ModerationKit.Innocent(after)));

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        Assert.Equal($"/world/{slug}#comment-{id}", saved.Headers.Location!.OriginalString);
        var stored = await factory.StoredAsync(id);
        Assert.Equal((2, ModerationKit.Innocent(after)), (stored.Revision, stored.BodyMarkdown));
        var story = await factory.CreateClient().GetPageAsync($"/world/{slug}");
        Assert.Equal("edited", story.QuerySelector($"#comment-{id} .comment-edited")!.TextContent.Trim());

        // Once the window closes, the comments page offers no edit, and the form says why.
        factory.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Null((await author.GetPageAsync("/account/comments")).QuerySelector($"#my-comment-{id} a.my-comment-edit"));
        var closed = await author.GetAsync($"/comments/{id}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, closed.StatusCode);
        var closedPage = await Http.ParseAsync(closed);
        Assert.Null(closedPage.QuerySelector("form.edit-form"));
        Assert.Contains("could be edited until", closedPage.QuerySelector(".form-error")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task GuestsAreToldTheyCannotEditAndOthersFindNothing(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var posted = await factory.ClientFor(await factory.CreateUserAsync()).PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("theirs")));
        var guestPost = await factory.CreateClient().PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("guest")));

        foreach (var id in new[] { posted.Id(), guestPost.Id() })
        {
            var page = await factory.CreateClient().GetPageAsync($"/comments/{id}/edit");
            Assert.Contains("Guests cannot edit comments", page.QuerySelector(".form-status")!.TextContent);
            Assert.Null(page.QuerySelector("form.edit-form"));
        }
        using var other = factory.FormClient(await factory.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/comments/{posted.Id()}/edit")).StatusCode);
        var token = await other.AntiforgeryTokenAsync("/account/comments");
        using var content = new FormUrlEncodedContent([new("Body", "Taken over."), new(Forms.AntiforgeryField, token)]);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/comments/{posted.Id()}/edit", content)).StatusCode);
        Assert.Equal(1, (await factory.StoredAsync(posted.Id())).Revision);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AFormEditTheChecksHoldLeadsToTheReadersCommentsWithANotice(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var user = await factory.CreateUserAsync();
        using var author = factory.FormClient(user);
        var posted = await factory.ClientFor(user).PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("fine")));

        var saved = await author.SubmitAsync($"/comments/{posted.Id()}/edit", "form.edit-form", ("Body", ModerationKit.Held(ModerationKit.Marker("held"))));

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        Assert.Equal("/account/comments", saved.Headers.Location!.OriginalString);
        var mine = await author.GetPageAsync("/account/comments");
        Assert.Contains("A moderator will look at the comment", mine.QuerySelector(".account-notice")!.TextContent);
        Assert.Equal("Awaiting moderation", mine.QuerySelector($"#my-comment-{posted.Id()} .my-comment-status")!.TextContent);
        Assert.Equal(CommentStatus.Pending, (await factory.StoredAsync(posted.Id())).Status);
    }
}
