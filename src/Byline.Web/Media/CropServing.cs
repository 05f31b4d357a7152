using Byline.Data;
using Byline.Data.Media;
using Byline.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Byline.Web.Media;

/// <summary>
/// Serves a <see cref="CardCrops"/> crop. The first request for one cuts it from the largest JPEG rendition and stores
/// it beside the renditions, so it is made once for the whole site (every node reads the same row) and only for images
/// that a page actually offers as a card. Like a rendition, its URL is immutable.
/// </summary>
public static class CropServing
{
    public static async Task<Results<FileContentHttpResult, NotFound>> GetAsync(
        string key, string aspect, BylineDbContext db, WriteGate writeGate, HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(response);
        if (CardCrops.Find(aspect) is not { } shape || !ImageUploads.IsWellFormedKey(key))
        {
            return TypedResults.NotFound();
        }
        var storedType = CardCrops.StoredType(shape);
        var image = await db.Images.AsNoTracking()
            .Where(i => i.Key == key)
            .Select(i => new { i.Id, Crop = i.Renditions.Where(r => r.ContentType == storedType).Select(r => r.Bytes).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (image is null)
        {
            return TypedResults.NotFound();
        }
        var bytes = image.Crop ?? await CutAndStoreAsync(db, writeGate, image.Id, shape, storedType, cancellationToken);
        if (bytes is null)
        {
            return TypedResults.NotFound();
        }
        response.Headers.CacheControl = ImageServing.CacheControl;
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(bytes, MediaPaths.Jpeg, entityTag: new EntityTagHeaderValue($"\"{key}-crop-{shape.Name}\""));
    }

    private static async Task<byte[]?> CutAndStoreAsync(
        BylineDbContext db, WriteGate writeGate, int imageId, CardCrops.Aspect shape, string storedType, CancellationToken cancellationToken)
    {
        var source = await db.ImageRenditions.AsNoTracking()
            .Where(r => r.ImageId == imageId && r.ContentType == MediaPaths.Jpeg)
            .OrderByDescending(r => r.Width)
            .Select(r => r.Bytes)
            .FirstOrDefaultAsync(cancellationToken);
        if (source is null)
        {
            return null;
        }
        var (size, bytes) = CardCrops.Cut(source, shape);
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            db.ImageRenditions.Add(new ImageRendition { ImageId = imageId, Width = size.Width, Height = size.Height, ContentType = storedType, Bytes = bytes });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request (or node) stored the same crop first; these bytes are as good as its.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return bytes;
    }
}
