using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Byline.Data.Accounts;
using Byline.Data.Comments;
using Byline.Tests.Accounts;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Moderation;

/// <summary>What the moderation tests do over and over: post comments, read the queue, decide, and look at what was stored.</summary>
public static class ModerationKit
{
    /// <summary>A default suspect word: a comment carrying it is held for review whatever else it says.</summary>
    public const string SuspectPhrase = "join our group";

    /// <summary>A string no other comment contains, to look for in what readers are shown.</summary>
    public static string Marker(string label) => $"{label}{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>An innocent English comment carrying <paramref name="marker"/>.</summary>
    public static string Innocent(string marker) => $"A fair summary of the talks, I think. Reference {marker}.";

    /// <summary>An English comment the default policy holds (it carries a suspect phrase).</summary>
    public static string Held(string marker) => $"Readers who care about this should {SuspectPhrase} tonight. Reference {marker}.";

    public static Task<HttpResponseMessage> PostCommentAsync(this HttpClient client, string slug, object payload) =>
        client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", payload);

    /// <summary>Posts a comment through the API, asserts 201, and returns the answer.</summary>
    public static async Task<JsonElement> PostCreatedAsync(this HttpClient client, string slug, string body, long? parentId = null, string? authorName = null)
    {
        var response = await client.PostCommentAsync(slug, new { body, parentId, authorName });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST comment answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static long Id(this JsonElement comment) => comment.GetProperty("id").GetInt64();

    public static string? Status(this JsonElement comment) => comment.GetProperty("status").GetString();

    public static async Task<JsonElement> QueueAsync(this HttpClient moderator, string query = "")
    {
        var response = await moderator.GetAsync($"/api/v1/moderation/queue{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET queue answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>The queue item of one comment, or null when it is not in that queue (the queue is filtered by its story).</summary>
    public static async Task<JsonElement?> QueueItemAsync(this HttpClient moderator, string slug, long id, string queue = "pending")
    {
        var page = await moderator.QueueAsync($"?queue={queue}&story={slug}&limit=200");
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            if (item.GetProperty("comment").Id() == id)
            {
                return item;
            }
        }
        return null;
    }

    public static Task<HttpResponseMessage> DecideAsync(this HttpClient moderator, long id, string action, int revision = 1, string? reason = null) =>
        moderator.PostAsJsonAsync($"/api/v1/moderation/comments/{id}/decision", new { action, reason, revision });

    /// <summary>Decides and asserts it was done.</summary>
    public static async Task DecideOkAsync(this HttpClient moderator, long id, string action, string? reason = null)
    {
        var revision = 1;
        var response = await moderator.DecideAsync(id, action, revision, reason ?? (action == "reject" ? "Off-topic for this story." : null));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} {id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A comment as stored, with its reasons.</summary>
    public static async Task<Comment> StoredAsync(this BylineFactory factory, long id)
    {
        await using var db = factory.CreateDbContext();
        return await db.Comments.AsNoTracking().Include(c => c.Reasons).SingleAsync(c => c.Id == id);
    }

    public static async Task<List<CommentDecision>> DecisionsAsync(this BylineFactory factory, long commentId)
    {
        await using var db = factory.CreateDbContext();
        return (await db.CommentDecisions.AsNoTracking().Where(d => d.CommentId == commentId).ToListAsync()).OrderBy(d => d.Id).ToList();
    }

    public static IReadOnlyList<string> Codes(this Comment comment) => comment.Reasons.Select(r => r.Code).Order(StringComparer.Ordinal).ToList();

    public static async Task<string> BodyAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A signed-in browser session (cookies) of a test account.</summary>
    public static async Task<AccountSession> SignInAsync(this BylineFactory factory, TestUsers.TestUser user)
    {
        var session = AccountSession.Start(factory);
        await session.SignInAsync(user.Email, TestUsers.Password);
        return session;
    }

    public static Task<TestUsers.TestUser> ModeratorAsync(this BylineFactory factory) => factory.CreateUserAsync(Roles.Moderator);

    /// <summary>
    /// Posts a comment from a client address of the test's choosing (TestServer requests otherwise all come from one
    /// unknown address), optionally with an API token. Returns the status, the headers and the body.
    /// </summary>
    public static async Task<(HttpStatusCode Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, string Body)> PostFromAsync(
        this BylineFactory factory, string address, string slug, string body, string? token = null)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new { body });
        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = $"/api/v1/articles/{slug}/comments";
            c.Request.ContentType = "application/json";
            c.Request.ContentLength = json.Length;
            c.Request.Body = new MemoryStream(json);
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            if (token is not null)
            {
                c.Request.Headers.Authorization = $"Bearer {token}";
            }
        });
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
        return ((HttpStatusCode)context.Response.StatusCode, context.Response.Headers, await reader.ReadToEndAsync());
    }
}
