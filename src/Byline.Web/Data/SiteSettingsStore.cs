using Byline.Data;
using Byline.Data.Articles;
using Byline.Data.Site;
using Byline.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Data;

/// <summary>
/// The site settings row and the list of sections (the site's chrome), read on almost every request, so it is held in memory for a short while.
/// Another process (the CLI) may change it; the short lifetime bounds how long that goes unseen.
/// </summary>
public sealed class SiteSettingsStore(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private volatile Snapshot? current;

    public sealed record Snapshot(SiteSettings Settings, TimeZoneInfo Zone, IReadOnlyList<Section> Sections, DateTimeOffset ReadAt)
    {
        /// <summary>
        /// Changes whenever a setting that rendered story fragments show changes (dates in the site's zone, the default
        /// disclaimer, whether comments have a down-vote button); part of their cache keys. The comment form, which
        /// depends on other settings, is rendered live.
        /// </summary>
        public string Stamp { get; } = string.Join('|', Settings.TimeZone, Settings.DefaultDisclaimer.GetHashCode(StringComparison.Ordinal), Settings.DownVotesEnabled ? "d" : "");
    }

    public async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = current;
        if (snapshot is not null && time.GetUtcNow() - snapshot.ReadAt < Lifetime)
        {
            return snapshot;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken) ?? new SiteSettings();
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        snapshot = new Snapshot(settings, NewsDate.Zone(settings.TimeZone), sections, time.GetUtcNow());
        current = snapshot;
        return snapshot;
    }

    public void Invalidate() => current = null;
}
