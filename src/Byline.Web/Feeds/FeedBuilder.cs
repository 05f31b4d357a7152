using System.Globalization;
using Byline.Web.Data;

namespace Byline.Web.Feeds;

/// <summary>Puts a scope's stories and the site's settings together into a <see cref="FeedDocument"/>.</summary>
public static class FeedBuilder
{
    /// <summary>The site's own language: its interface is English (each entry names its story's language).</summary>
    public const string SiteLanguage = "en";

    /// <summary>An empty feed's "updated": a fixed instant, so that its bytes, like its validators, stay the same.</summary>
    public static readonly DateTimeOffset NeverUpdated = DateTimeOffset.UnixEpoch;

    public static FeedDocument Build(
        FeedScope scope, FeedFormat format, SiteSettingsStore.Snapshot site, IReadOnlyList<FeedEntry> entries, Func<string, Uri> absolute, Uri? image)
    {
        var settings = site.Settings;
        var host = absolute("/").Host;
        var items = entries.Select(entry =>
        {
            var url = absolute(entry.Path);
            return new FeedDocument.Item(
                // A tag URI (RFC 4151) on the story's number: it stays when the story moves to another section or slug.
                string.Create(CultureInfo.InvariantCulture, $"tag:{host},{entry.Published.UtcDateTime:yyyy-MM-dd}:article:{entry.Id}"),
                url,
                entry.Headline,
                string.IsNullOrWhiteSpace(entry.Standfirst) ? null : entry.Standfirst,
                FeedContent.Html(entry, url, settings.FeedFullContent, site.Zone),
                entry.Language,
                Local(entry.Published, site.Zone),
                Local(entry.LastChange, site.Zone),
                [.. entry.Authors.Select(a => new FeedDocument.Person(a.Name, absolute(a.Path)))],
                [.. entry.Categories]);
        }).ToList();
        return new FeedDocument(
            scope.Title(settings.SiteName),
            settings.SiteDescription,
            SiteLanguage,
            absolute(scope.PagePath),
            absolute(scope.FeedPath(format)),
            settings.SiteName,
            absolute("/"),
            items.Count == 0 ? NeverUpdated : items.Max(i => i.Updated),
            image,
            items);
    }

    /// <summary>The instant with the site's offset at that moment, as the pages show times.</summary>
    private static DateTimeOffset Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);
}
