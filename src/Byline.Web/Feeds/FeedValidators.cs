using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Byline.Web.Data;
using Microsoft.Net.Http.Headers;

namespace Byline.Web.Feeds;

/// <summary>
/// A feed's validators for conditional GET, computed without rendering it. The ETag is strong: it hashes everything
/// the feed's bytes depend on (each story's id and version, which every visible change bumps; the settings and section
/// names it shows; its scope, format and public address; this build of the code). Last-Modified is the newest change
/// among its stories, or when the body was first served if that is later (<see cref="FeedCache.FirstServed"/>).
/// </summary>
public sealed record FeedValidators(string ETag, DateTimeOffset? LastModified)
{
    private static readonly string Build = typeof(FeedValidators).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static FeedValidators For(
        FeedFormat format, FeedScope scope, SiteSettingsStore.Snapshot site, IReadOnlyList<FeedStories.Stamp> stamps, string publicBase)
    {
        var settings = site.Settings;
        var parts = new List<string>
        {
            Build, format.ToString(), scope.Key, publicBase,
            settings.SiteName, settings.SiteDescription, settings.TimeZone,
            settings.FeedFullContent ? "full" : "summary",
            settings.SiteImageId?.ToString(CultureInfo.InvariantCulture) ?? "",
        };
        parts.AddRange(site.Sections.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Id}:{s.Slug}:{s.Name}")));
        parts.AddRange(stamps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Id}:{s.Version}")));
        // Each part is prefixed with its length, so that no two different lists hash the same text.
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        var etag = $"\"{Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_')}\"";
        DateTimeOffset? lastModified = stamps.Count == 0 ? null : Seconds(stamps.Max(s => s.LastChange));
        return new FeedValidators(etag, lastModified);
    }

    /// <summary>Last-Modified no earlier than the first time this body was served.</summary>
    public FeedValidators FirstServedAt(DateTimeOffset firstServed) =>
        LastModified is { } modified && modified >= Seconds(firstServed) ? this : this with { LastModified = Seconds(firstServed) };

    /// <summary>
    /// Whether the client's copy is current (RFC 9110 §13.1): If-None-Match when sent (weak comparison, as that
    /// header asks), otherwise If-Modified-Since.
    /// </summary>
    public bool IsCurrent(HttpRequest request)
    {
        var headers = request.GetTypedHeaders();
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            var mine = new EntityTagHeaderValue(ETag);
            return headers.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(mine, useStrongComparison: false));
        }
        return LastModified is { } modified && headers.IfModifiedSince is { } since && modified <= since;
    }

    public void AddTo(HttpResponse response)
    {
        var headers = response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue(ETag);
        if (LastModified is { } modified)
        {
            headers.LastModified = modified;
        }
    }

    /// <summary>HTTP dates have whole seconds.</summary>
    private static DateTimeOffset Seconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
