using System.Net;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Moderation;

/// <summary>
/// No reader ever sees someone else's comment that is not approved: one discussion with comments in every state, by
/// several people, read through every page and API a reader can reach, looking for each comment's unique marker.
/// </summary>
public sealed class VisibilitySweepTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task NoReaderSeesTheTextOfSomeoneElsesCommentThatIsNotApproved(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("sweep");
        await factory.AddStoryAsync(slug, published: factory.Time.GetUtcNow().AddHours(-1));
        var word = "blargh" + Guid.NewGuid().ToString("N")[..6];
        await factory.UpdateSiteSettingsAsync(s => s.BannedWords = (s.BannedWords + "\n" + word).Trim());
        var ana = await factory.CreateUserAsync();
        var ben = await factory.CreateUserAsync();
        var cai = await factory.CreateUserAsync();
        var dee = await factory.CreateUserAsync();
        using var anaClient = factory.ClientFor(ana);
        using var benClient = factory.ClientFor(ben);
        using var caiClient = factory.ClientFor(cai);
        using var deeClient = factory.ClientFor(dee);
        using var moderator = factory.ClientFor(await factory.ModeratorAsync());
        using var guest = factory.CreateNoRedirectClient();

        var m = new Dictionary<string, string>();
        foreach (var name in new[] { "approved", "reply", "pending", "banned", "rejected", "spam", "deleted", "removed", "pendingReply" })
        {
            m[name] = ModerationKit.Marker(name);
        }
        var approved = await anaClient.PostCreatedAsync(slug, ModerationKit.Innocent(m["approved"]));
        var pending = await benClient.PostCreatedAsync(slug, ModerationKit.Held(m["pending"]));
        var banned = await guest.PostCreatedAsync(slug, $"What {word} this is, {m["banned"]}.");
        var rejected = await caiClient.PostCreatedAsync(slug, ModerationKit.Held(m["rejected"]));
        await moderator.DecideOkAsync(rejected.Id(), "reject", "Off-topic for this story.");
        var spam = await guest.PostCreatedAsync(slug, ModerationKit.Innocent(m["spam"]));
        await moderator.DecideOkAsync(spam.Id(), "spam");
        var deleted = await anaClient.PostCreatedAsync(slug, ModerationKit.Innocent(m["deleted"]));
        Assert.Equal(HttpStatusCode.NoContent, (await anaClient.DeleteAsync($"/api/v1/comments/{deleted.Id()}")).StatusCode);
        var removed = await guest.PostCreatedAsync(slug, ModerationKit.Innocent(m["removed"]));
        var reply = await deeClient.PostCreatedAsync(slug, ModerationKit.Innocent(m["reply"]), parentId: removed.Id());
        var pendingReply = await benClient.PostCreatedAsync(slug, ModerationKit.Held(m["pendingReply"]), parentId: approved.Id());
        await moderator.DecideOkAsync(removed.Id(), "reject", "Personal attack or abuse.");
        Assert.Equal(["approved", "pending", "pending", "approved", "approved", "pending"],
            new[] { approved, pending, banned, removed, reply, pendingReply }.Select(c => c.Status()));

        var visible = new[] { m["approved"], m["reply"] };
        var hidden = m.Where(kv => !visible.Contains(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value);
        var hiddenIds = new[] { pending, banned, rejected, spam, deleted, removed, pendingReply }.Select(c => c.Id()).ToList();
        var story = $"/world/{slug}";
        var urls = new List<string>
        {
            story, $"{story}/comments", $"{story}/reply/{approved.Id()}", $"/api/v1/articles/{slug}/comments", "/", "/world",
            $"/api/v1/comments/{approved.Id()}", $"/api/v1/comments/{reply.Id()}",
        };
        foreach (var id in hiddenIds)
        {
            urls.AddRange([
                $"/api/v1/comments/{id}", $"/comments/{id}", $"/comments/{id}/held", $"/comments/{id}/held?k=forged", $"/comments/{id}/report",
                $"{story}/reply/{id}",
            ]);
        }

        // Anonymous readers, and a signed-in reader who wrote none of the hidden comments.
        foreach (var (who, client) in new[] { ("anonymous", guest), ("dee", deeClient) })
        {
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode < 500, $"{who} GET {url}: {(int)response.StatusCode}");
                foreach (var (name, marker) in hidden)
                {
                    Assert.False(body.Contains(marker, StringComparison.Ordinal), $"{who} sees the {name} comment at {url}");
                }
            }
            foreach (var id in hiddenIds)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/comments/{id}")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/comments/{id}")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/comments/{id}/held")).StatusCode);
            }
            var page = await client.GetPageAsync(story);
            Assert.All(visible, marker => Assert.Contains(marker, page.QuerySelector("#threads")!.TextContent));
            Assert.Equal("[removed]", page.QuerySelector($"#comment-{removed.Id()} > .comment-placeholder")!.TextContent);
            Assert.Equal("2 Comments", page.QuerySelector(".comment-count")!.TextContent);
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/comments/{approved.Id()}")).StatusCode);
            var front = await client.GetPageAsync("/");
            Assert.Equal("2 Comments", front.QuerySelector($"a[href='{story}#comments']")!.TextContent.Trim());
        }

        // Each author sees their own held comments on the story page (a rejected one is no longer awaiting), and nobody else's.
        foreach (var (author, client, own) in new[] { ("ben", benClient, new[] { "pending", "pendingReply" }), ("cai", caiClient, Array.Empty<string>()) })
        {
            var page = await client.BodyAsync(story);
            foreach (var (name, marker) in hidden)
            {
                Assert.True(own.Contains(name) == page.Contains(marker, StringComparison.Ordinal),
                    $"{author} {(own.Contains(name) ? "does not see their own" : "sees the")} {name} comment on the story page");
            }
        }
        Assert.Equal("rejected", (await (await caiClient.GetAsync($"/api/v1/comments/{rejected.Id()}")).ReadJsonAsync()).Status());
        Assert.Contains("Off-topic for this story.", await caiClient.BodyAsync($"/comments/{rejected.Id()}/held"));
        Assert.Equal(HttpStatusCode.NotFound, (await benClient.GetAsync($"/api/v1/comments/{rejected.Id()}")).StatusCode);
    }
}
