using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Comments;

public sealed class PostCommentApiTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task GuestCommentIsStoredCountedAndReturnedWithLocation(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.AddStoryAsync();
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/articles/harbour-levy-agreed/comments",
            new { body = "好消息！ 🎉 مرحبا", authorName = "李明", authorEmail = "li@example.com" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("approved", json.GetProperty("status").GetString());
        Assert.Equal("好消息！ 🎉 مرحبا", json.GetProperty("body").GetString());
        Assert.False(json.TryGetProperty("authorEmail", out _));
        Assert.Equal($"/api/v1/comments/{json.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);

        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Comments.CountAsync());
        Assert.Equal(1, (await db.Articles.SingleAsync()).CommentCount);
    }
}
