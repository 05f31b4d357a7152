using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Byline.Tests.Infrastructure;
using Byline.Tests.Moderation;

namespace Byline.Tests.Comments;

/// <summary>What the vote, sort and feature tests do over and over.</summary>
public static class VotesKit
{
    public static Task<HttpResponseMessage> VoteAsync(this HttpClient client, long id, int value) =>
        client.PutAsJsonAsync($"/api/v1/comments/{id}/vote", new { value });

    public static Task<HttpResponseMessage> WithdrawAsync(this HttpClient client, long id) =>
        client.DeleteAsync($"/api/v1/comments/{id}/vote");

    /// <summary>Votes, asserts 200, and returns (up, down, score, own vote).</summary>
    public static async Task<(int Up, int Down, int Score, int Vote)> VoteOkAsync(this HttpClient client, long id, int value)
    {
        var response = value == 0 ? await client.WithdrawAsync(id) : await client.VoteAsync(id, value);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Vote {value} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var json = await response.ReadJsonAsync();
        return (json.GetProperty("upVotes").GetInt32(), json.GetProperty("downVotes").GetInt32(), json.GetProperty("score").GetInt32(), json.GetProperty("vote").GetInt32());
    }

    public static Task<HttpResponseMessage> FeatureAsync(this HttpClient client, long id, bool featured = true) =>
        featured ? client.PostAsync($"/api/v1/comments/{id}/feature", null) : client.DeleteAsync($"/api/v1/comments/{id}/feature");

    /// <summary>A story with one approved comment by a signed-in author; returns the comment's id.</summary>
    public static async Task<(string Slug, long Id, HttpClient Author)> StoryWithCommentAsync(this BylineFactory factory)
    {
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var author = factory.ClientFor(await factory.CreateUserAsync());
        var comment = await author.PostCreatedAsync(slug, ModerationKit.Innocent(ModerationKit.Marker("vote")));
        Assert.Equal("approved", comment.Status());
        return (slug, comment.Id(), author);
    }

    /// <summary>Pages through the API for one sort and returns every thread id in order, page by page.</summary>
    public static async Task<List<List<long>>> PagesAsync(this HttpClient client, string slug, string sort, int limit, Func<int, Task>? betweenPages = null)
    {
        var pages = new List<List<long>>();
        string? after = null;
        do
        {
            var url = $"/api/v1/articles/{slug}/comments?sort={sort}&limit={limit}" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            var json = await (await client.GetAsync(url)).ReadJsonAsync();
            Assert.True(json.TryGetProperty("items", out var items), $"GET {url}: {json}");
            pages.Add(items.EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList());
            after = json.GetProperty("next").ValueKind == JsonValueKind.Null ? null : json.GetProperty("next").GetString();
            if (after is not null && betweenPages is not null)
            {
                await betweenPages(pages.Count);
            }
        }
        while (after is not null && pages.Count < 100);
        return pages;
    }
}
