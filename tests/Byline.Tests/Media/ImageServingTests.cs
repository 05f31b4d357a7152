using System.Net;
using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Media;

/// <summary>Renditions are public, immutable files: served with year-long caching, a validator and no sniffing.</summary>
public sealed class ImageServingTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private async Task<(BylineFactory Factory, string Key)> UploadAsync(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        using var photo = TestImages.Halves(700, 400);
        var json = await (await client.PostToApiAsync(new(TestImages.Encode(photo, SkiaSharp.SKEncodedImageFormat.Jpeg)))).ReadJsonAsync();
        return (factory, json.GetProperty("key").GetString()!);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RenditionIsServedToAnyoneWithImmutableCachingAnETagAndNoSniffing(string provider)
    {
        var (factory, key) = await UploadAsync(provider);
        using var anonymous = factory.CreateNoRedirectClient();
        await using var db = factory.CreateDbContext();

        foreach (var (file, type, width) in new[] { ("640.webp", "image/webp", 640), ("640.jpg", "image/jpeg", 640), ("700.jpg", "image/jpeg", 700), ("320.webp", "image/webp", 320) })
        {
            var response = await anonymous.GetAsync($"/media/{key}/{file}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.ToString());
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.NotNull(response.Headers.ETag);
            Assert.False(response.Headers.ETag.IsWeak);
            var stored = await db.ImageRenditions.Where(r => r.Width == width && r.ContentType == type && db.Images.Any(i => i.Id == r.ImageId && i.Key == key))
                .Select(r => r.Bytes).SingleAsync();
            Assert.Equal(stored, await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ARevalidationWithTheETagAnswers304(string provider)
    {
        var (factory, key) = await UploadAsync(provider);
        using var client = factory.CreateNoRedirectClient();
        var first = await client.GetAsync($"/media/{key}/640.webp");

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/media/{key}/640.webp");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var response = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var other = await client.GetAsync($"/media/{key}/640.jpg");
        Assert.NotEqual(first.Headers.ETag, other.Headers.ETag);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ServingARenditionIsOneQuery(string provider)
    {
        var (factory, key) = await UploadAsync(provider);
        using var client = factory.CreateNoRedirectClient();
        await client.GetAsync($"/media/{key}/320.webp");

        HttpResponseMessage? response = null;
        var commands = await factory.Sql.CountDuringAsync(async () => response = await client.GetAsync($"/media/{key}/1024.webp"));

        Assert.Equal(HttpStatusCode.NotFound, response!.StatusCode);
        Assert.Equal(1, commands);
        commands = await factory.Sql.CountDuringAsync(async () => response = await client.GetAsync($"/media/{key}/640.jpg"));
        Assert.Equal(HttpStatusCode.OK, response!.StatusCode);
        Assert.Equal(1, commands);
        // One row's bytes: the query names the width and the type, never a whole image's renditions.
        var sql = factory.Sql.Commands.Single();
        Assert.Contains("Width", sql, StringComparison.Ordinal);
        Assert.Contains("ContentType", sql, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UnknownKeyWidthOrFormatIsNotFound(string provider)
    {
        var (factory, key) = await UploadAsync(provider);
        using var client = factory.CreateNoRedirectClient();

        foreach (var path in new[]
        {
            $"/media/{key}/1024.webp", $"/media/{key}/641.jpg", $"/media/{key}/640.png", $"/media/{key}/640.jpeg", $"/media/{key}/640.WEBP",
            $"/media/{key}/640", $"/media/{key}/abc.jpg", $"/media/{ImageKeyLike()}/640.jpg", "/media/short/640.jpg", $"/media/{key}..%2F/640.jpg",
        })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
            Assert.Null(response.Headers.CacheControl?.MaxAge);
        }
    }

    private static string ImageKeyLike() => Byline.Web.Media.ImageUploads.NewKey();
}
