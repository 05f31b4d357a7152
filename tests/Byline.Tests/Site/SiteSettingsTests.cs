using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Site;

/// <summary>What the site's settings change for readers. Each test restores the defaults it changed.</summary>
public sealed class SiteSettingsTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static async Task<JsonElement> PostAsync(HttpClient client, string slug, string body, long? parentId = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", new { body, parentId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static long Id(JsonElement comment) => comment.GetProperty("id").GetInt64();

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task LowerDepthLimitKeepsRepliesShallower(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("depth");
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();
        await factory.UpdateSiteSettingsAsync(s => s.MaxThreadDepth = 2);
        try
        {
            var root = await PostAsync(client, slug, "Root");
            var reply = await PostAsync(client, slug, "Reply", Id(root));
            var replyToReply = await PostAsync(client, slug, "Reply to reply", Id(reply));

            Assert.Equal((Id(root), 2), (reply.GetProperty("parentId").GetInt64(), reply.GetProperty("depth").GetInt32()));
            Assert.Equal((Id(root), 2), (replyToReply.GetProperty("parentId").GetInt64(), replyToReply.GetProperty("depth").GetInt32()));
        }
        finally
        {
            await factory.UpdateSiteSettingsAsync(s => s.MaxThreadDepth = 4);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RepliesAfterTheLimitWasLoweredStayWithinIt(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("lowered");
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();
        var chain = new List<JsonElement> { await PostAsync(client, slug, "Level 1") };
        for (var level = 2; level <= 4; level++)
        {
            chain.Add(await PostAsync(client, slug, $"Level {level}", Id(chain[^1])));
        }
        await factory.UpdateSiteSettingsAsync(s => s.MaxThreadDepth = 2);
        try
        {
            var reply = await PostAsync(client, slug, "Answering the deepest comment", Id(chain[^1]));

            Assert.True(reply.GetProperty("depth").GetInt32() <= 2);
            var stored = (await factory.CommentsOfAsync(slug)).ToDictionary(c => c.Id);
            var parent = stored[reply.GetProperty("parentId").GetInt64()];
            Assert.Equal(parent.Depth + 1, reply.GetProperty("depth").GetInt32());
        }
        finally
        {
            await factory.UpdateSiteSettingsAsync(s => s.MaxThreadDepth = 4);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task GuestsCannotCommentWhenTheSiteDoesNotAllowIt(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("members-only");
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await factory.UpdateSiteSettingsAsync(s => s.GuestCommentsAllowed = false);
        try
        {
            await Http.AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", new { body = "Let me in." }),
                HttpStatusCode.Forbidden, "sign-in-required");
            var formPost = await client.PostAsync($"/world/{slug}", new FormUrlEncodedContent([new("Body", "Let me in.")]));
            Assert.Equal(HttpStatusCode.Forbidden, formPost.StatusCode);
            var page = await client.GetPageAsync($"/world/{slug}");
            Assert.Null(page.QuerySelector("form#comment-form"));
            Assert.Equal("Sign in to join the discussion.", page.QuerySelector(".comments-closed")?.Text());
            Assert.Equal((0, 0), await factory.CommentCountsAsync(slug));
        }
        finally
        {
            await factory.UpdateSiteSettingsAsync(s => s.GuestCommentsAllowed = true);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TimesAreShownInTheSiteTimeZone(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("tokyo");
        await factory.AddStoryAsync(slug, published: new DateTimeOffset(2021, 3, 24, 23, 30, 0, TimeSpan.Zero));
        await factory.UpdateSiteSettingsAsync(s => s.TimeZone = "Asia/Tokyo");
        try
        {
            var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");

            var published = page.QuerySelector("time.published")!;
            Assert.Equal("Mar. 25, 2021", published.Text());
            Assert.Equal("2021-03-25T08:30:00+09:00", published.GetAttribute("datetime"));
        }
        finally
        {
            await factory.UpdateSiteSettingsAsync(s => s.TimeZone = "UTC");
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SiteDefaultDisclaimerComesFromTheSettings(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("disclaimer");
        await factory.AddStoryAsync(slug);
        await factory.UpdateSiteSettingsAsync(s => s.DefaultDisclaimer = "Opinions are the writers' own.");
        try
        {
            var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");

            Assert.Equal("Opinions are the writers' own.", page.QuerySelector(".disclaimer")?.Text());
        }
        finally
        {
            await factory.UpdateSiteSettingsAsync(s => s.DefaultDisclaimer = new Byline.Data.Site.SiteSettings().DefaultDisclaimer);
        }
    }
}
