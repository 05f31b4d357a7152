using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Byline.Tests.Infrastructure;
using Byline.Web.Hosting.Outbox;
using Byline.Web.InlineFeedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.InlineFeedback;

/// <summary>Stories to respond to, responses to post, and the background work to finish, for inline feedback tests.</summary>
public static class PassageKit
{
    public const string Body = """
        The harbour council agreed a levy on heavy fuel after a long night of talks. Ships that burn it will pay
        twelve euros per tonne from March.

        Delegates from the fishing towns left at dawn. "We will not back down," said Mara Quist, who speaks for them.

        The levy funds shore power at the old quay, where ferries now idle for hours.
        """;

    /// <summary>The story's body text as passages count it (what the page's #story-body holds).</summary>
    public static async Task<string> TextAsync(this BylineFactory factory, string slug)
    {
        await using var db = factory.CreateDbContext();
        return StoryText.Of(await db.Articles.Where(a => a.Slug == slug).Select(a => a.BodyHtml).SingleAsync());
    }

    /// <summary>An anchor on an occurrence of <paramref name="words"/>, with offsets and context as a browser would send it.</summary>
    public static Dictionary<string, object?> Anchor(string text, string words, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = text.IndexOf(words, start + 1, StringComparison.Ordinal);
        }
        Assert.True(start >= 0, $"'{words}' is not in the text");
        var end = start + words.Length;
        return new()
        {
            ["exact"] = words,
            ["prefix"] = text[Math.Max(0, start - 32)..start],
            ["suffix"] = text[end..Math.Min(text.Length, end + 32)],
            ["start"] = start,
            ["end"] = end,
        };
    }

    public static Task<HttpResponseMessage> RespondAsync(this HttpClient client, string slug, object anchor, string body = "Is that per tonne burned or bought?") =>
        client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", new { body, authorName = "Reader", anchor });

    public static async Task<JsonElement> RespondOkAsync(this HttpClient client, string slug, object anchor, string body = "Is that per tonne burned or bought?")
    {
        var response = await client.RespondAsync(slug, anchor, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>Finishes the background work queued so far (re-anchoring, notifications), as the worker would.</summary>
    public static Task RunOutboxAsync(this BylineFactory factory) =>
        factory.Services.GetRequiredService<OutboxWorker>().RunDueAsync(CancellationToken.None);

    public static async Task<JsonElement> CommentAsync(this HttpClient client, long id) =>
        await (await client.GetAsync($"/api/v1/comments/{id}")).ReadJsonAsync();
}
