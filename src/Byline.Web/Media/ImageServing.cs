using System.Runtime.CompilerServices;
using Byline.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Net.Http.Headers;

namespace Byline.Web.Media;

/// <summary>
/// Serves one rendition: one compiled query reads one row's bytes by (key, width, type). A key's bytes never change, so
/// browsers and CDNs may keep them for a year without asking again.
/// </summary>
public static class ImageServing
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    private static readonly ConditionalWeakTable<IModel, Func<BylineDbContext, string, int, string, CancellationToken, Task<byte[]?>>> Queries = [];

    public static async Task<Results<FileContentHttpResult, NotFound>> GetAsync(
        string key, int width, string format, BylineDbContext db, HttpResponse response, CancellationToken cancellationToken)
    {
        if (MediaPaths.ContentTypeOf(format) is not { } contentType || !ImageUploads.IsWellFormedKey(key))
        {
            return TypedResults.NotFound();
        }
        var bytes = await Query(db)(db, key, width, contentType, cancellationToken);
        if (bytes is null)
        {
            return TypedResults.NotFound();
        }
        response.Headers.CacheControl = CacheControl;
        response.Headers.XContentTypeOptions = "nosniff";
        // The URL names exactly one immutable set of bytes, so it is a sound strong validator without hashing them.
        return TypedResults.File(bytes, contentType, entityTag: new EntityTagHeaderValue($"\"{key}-{width}-{format}\""));
    }

    private static Func<BylineDbContext, string, int, string, CancellationToken, Task<byte[]?>> Query(BylineDbContext db) =>
        Queries.GetValue(db.Model, _ => EF.CompileAsyncQuery((BylineDbContext context, string key, int width, string contentType, CancellationToken _) =>
            context.Images
                .Where(i => i.Key == key)
                .SelectMany(i => context.ImageRenditions.Where(r => r.ImageId == i.Id && r.Width == width && r.ContentType == contentType))
                .Select(r => r.Bytes)
                .FirstOrDefault()));
}
