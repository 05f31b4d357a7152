using System.Net;
using Byline.Data.Comments;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Moderation;

/// <summary>The minimum time to submit the comment form, with the app's fake clock: people take longer to write.</summary>
public sealed class FormTimingTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FormPostedSoonerThanAPersonCouldWriteIsHeldButNotOneWrittenAtLeisureNorTheApi(string provider)
    {
        using var factory = new BylineFactory(provider);
        factory.ModerationSettings["Byline:Moderation:MinSecondsToSubmit"] = "5";
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var client = factory.FormClient();
        var story = $"/world/{slug}";

        var page = await client.GetPageAsync(story);
        factory.Time.Advance(TimeSpan.FromSeconds(2));
        var fast = await client.SubmitAsync(page, story, "#comment-form", ("Body", ModerationKit.Innocent(ModerationKit.Marker("fast"))), ("AuthorName", "Quick"));

        page = await client.GetPageAsync(story);
        factory.Time.Advance(TimeSpan.FromSeconds(40));
        var slow = await client.SubmitAsync(page, story, "#comment-form", ("Body", ModerationKit.Innocent(ModerationKit.Marker("slow"))), ("AuthorName", "Careful"));

        var forged = await client.SubmitAsync(story, "#comment-form", ("Body", ModerationKit.Innocent(ModerationKit.Marker("forged"))), ("Started", "not-a-stamp"));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect], new[] { fast.StatusCode, slow.StatusCode, forged.StatusCode });
        var comments = await factory.CommentsOfAsync(slug);
        Assert.Equal([CommentStatus.Pending, CommentStatus.Approved, CommentStatus.Pending], comments.Select(c => c.Status));
        var tooFast = Assert.Single((await factory.StoredAsync(comments[0].Id)).Reasons);
        Assert.Equal("too-fast:2s", tooFast.ToString());
        Assert.Equal(["too-fast"], (await factory.StoredAsync(comments[2].Id)).Codes());
        Assert.Matches(@"^/comments/\d+/held\?k=", fast.Headers.Location!.OriginalString);

        // The JSON API has no form to time: it is judged on what it says.
        Assert.Equal("approved", (await factory.CreateClient().PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("api")))).Status());
    }
}
