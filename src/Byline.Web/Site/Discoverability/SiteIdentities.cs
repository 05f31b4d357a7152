using Byline.Data;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Byline.Web.Media;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Site.Discoverability;

/// <summary>
/// Builds the <see cref="SiteIdentity"/> for a request from the cached site settings. The site image is looked up once
/// per image: an image's renditions never change, and a deleted one clears the setting.
/// </summary>
public sealed class SiteIdentities(SiteSettingsStore settings, SiteLinks links, IServiceScopeFactory scopes)
{
    private sealed record StoredCard(int ImageId, string Path, int Width, int Height, string Alt);

    private volatile StoredCard? siteImage;

    public async ValueTask<SiteIdentity> ForAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var site = await settings.GetAsync(cancellationToken);
        var origin = links.Absolute(request, "");
        var stored = site.Settings.SiteImageId is { } id ? await SiteImageAsync(id, cancellationToken) : null;
        var name = site.Settings.SiteName;
        if (stored is null)
        {
            return new SiteIdentity(name, site.Settings.SiteDescription, origin,
                new CardImage(origin + BuiltInImages.LogoPath, BuiltInImages.LogoSize, BuiltInImages.LogoSize, name),
                new CardImage(origin + BuiltInImages.CardPath, BuiltInImages.CardWidth, BuiltInImages.CardHeight, name),
                site.Zone);
        }
        // One image the admin chose serves as both: the site has no separate logo setting.
        var image = new CardImage(origin + stored.Path, stored.Width, stored.Height, stored.Alt);
        return new SiteIdentity(name, site.Settings.SiteDescription, origin, image, image, site.Zone);
    }

    private async ValueTask<StoredCard?> SiteImageAsync(int imageId, CancellationToken cancellationToken)
    {
        if (siteImage is { } cached && cached.ImageId == imageId)
        {
            return cached;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
        var image = await db.Images.AsNoTracking()
            .Where(i => i.Id == imageId)
            .Select(i => new
            {
                i.Key,
                i.Alt,
                Sizes = i.Renditions.Where(r => r.ContentType == MediaPaths.Jpeg).Select(r => new RenditionSize(r.Width, r.Height)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (image is null || image.Sizes.Count == 0)
        {
            return null;
        }
        // Large enough for a large card, no larger than a card needs.
        var size = image.Sizes.Where(s => s.Width <= CardCrops.MaxWidth).MaxBy(s => s.Width) ?? image.Sizes.MinBy(s => s.Width)!;
        var card = new StoredCard(imageId, MediaPaths.Rendition(image.Key, size.Width, MediaPaths.Jpeg), size.Width, size.Height, image.Alt);
        siteImage = card;
        return card;
    }
}
