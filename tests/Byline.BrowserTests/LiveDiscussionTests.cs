using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Byline.BrowserTests.Infrastructure;
using Byline.Data.Accounts;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Byline.BrowserTests;

/// <summary>Two readers on one story: what one posts, the other sees without reloading, announced rather than pushed in.</summary>
[Collection(SharedBrowser.Name)]
public sealed class LiveDiscussionTests(BylineSite site, ITestOutputHelper output)
{
    private static Task WaitForLiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("section.discussion")).ToHaveAttributeAsync("data-live-state", "open");

    [Fact]
    public async Task ACommentPostedInOnePageIsAnnouncedInTheOtherAndShownOnRequest()
    {
        var (path, firstId) = await site.AddStoryWithCommentAsync("live-two-pages");
        await using var writerContext = await site.NewContextAsync();
        await using var readerContext = await site.NewContextAsync();
        var writer = await writerContext.OpenAsync(path);
        var reader = await readerContext.OpenAsync(path);
        await WaitForLiveAsync(reader);
        var (before, _) = await reader.DiscussionCountsAsync();

        var clock = Stopwatch.StartNew();
        var id = await writer.PostCommentAsync(writer.Locator("form#comment-form"), "Ilse Vandermeer", "Posted from the other tab, 你好 👋");
        var show = reader.GetByRole(AriaRole.Button, new() { Name = "Show 1 new comment" });
        await Assertions.Expect(show).ToBeVisibleAsync(new() { Timeout = 2_000 });
        output.WriteLine($"Announced in the other page {clock.ElapsedMilliseconds} ms after the post was sent (includes the form's redirect).");

        // Announced, counted, but not pushed into the text the reader is reading.
        await Assertions.Expect(reader.Locator("section.discussion [role=status]")).ToHaveTextAsync("1 new comment");
        Assert.Equal(before + 1, (await reader.DiscussionCountsAsync()).Comments);
        Assert.Equal(0, await reader.Locator($"#comment-{id}").CountAsync());

        await show.ClickAsync();

        var shown = reader.Locator($"#threads > li > #comment-{id}");
        await Assertions.Expect(shown).ToBeVisibleAsync();
        await Assertions.Expect(shown).ToBeFocusedAsync();
        await Assertions.Expect(shown.Locator(":scope > .comment-body")).ToHaveTextAsync("Posted from the other tab, 你好 👋");
        await Assertions.Expect(show).ToBeHiddenAsync();
        Assert.Equal(id, long.Parse((await reader.Locator("#threads > li > article.comment").First.GetAttributeAsync("id"))!["comment-".Length..], CultureInfo.InvariantCulture));
        Assert.Equal(1, await reader.Locator($"#comment-{firstId}").CountAsync());

        // A reply lands under its parent, after the reader asks for it.
        var reply = await PostAsync(path, new { authorName = "Tomasz Wierzbicki", body = "A reply that arrives live.", parentId = firstId });
        await reader.GetByRole(AriaRole.Button, new() { Name = "Show 1 new comment" }).ClickAsync();
        await Assertions.Expect(reader.Locator($"#comment-{firstId} > ol.replies #comment-{reply}")).ToBeVisibleAsync();
        await reader.RunAxeAsync();
    }

    [Fact]
    public async Task RemovalsAndDeletionsChangeTheOpenPageInPlace()
    {
        var (path, firstId) = await site.AddStoryWithCommentAsync("live-removals");
        var reply = await PostAsync(path, new { authorName = "Renata Ostrowska", body = "An answer that keeps the thread.", parentId = firstId });
        var lone = await PostAsync(path, new { authorName = "Omar Haddad", body = "A comment a moderator will remove." });
        await using var readerContext = await site.NewContextAsync();
        var reader = await readerContext.OpenAsync(path);
        await WaitForLiveAsync(reader);
        await Assertions.Expect(reader.Locator($"#comment-{lone}")).ToBeVisibleAsync();
        var moderator = await NewsroomStaff.CreateAsync(site, Roles.Moderator, "Live moderator");

        await DecideAsync(moderator, lone, "reject");
        await DecideAsync(moderator, firstId, "reject");

        // The lone comment goes; the one with a reply stays as a placeholder so the reply still answers something.
        await Assertions.Expect(reader.Locator($"#comment-{lone}")).ToHaveCountAsync(0);
        await Assertions.Expect(reader.Locator($"#comment-{firstId} > .comment-placeholder")).ToHaveTextAsync("[removed]");
        await Assertions.Expect(reader.Locator($"#comment-{firstId} > ol.replies #comment-{reply}")).ToBeVisibleAsync();
        Assert.Equal(1, (await reader.DiscussionCountsAsync()).Comments);
    }

    private async Task<long> PostAsync(string path, object comment)
    {
        var slug = path[(path.LastIndexOf('/') + 1)..];
        var response = await site.Api.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", comment);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
    }

    private async Task DecideAsync(NewsroomStaff.Member moderator, long id, string action)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/moderation/comments/{id}/decision")
        {
            Content = JsonContent.Create(new { action, revision = 1, reason = "Off topic." }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", moderator.Token);
        (await site.Api.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
