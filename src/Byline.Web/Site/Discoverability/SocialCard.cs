using Byline.Web.Articles;
using Byline.Web.Media;

namespace Byline.Web.Site.Discoverability;

/// <summary>
/// What a link to a page shows when shared: Open Graph tags (read by most networks and chat apps) and Twitter's own.
/// The image falls back from the story's lead image to the site image to the built-in card.
/// </summary>
/// <param name="Type">Open Graph's object type: article, website or profile.</param>
/// <param name="Locale">Open Graph's form of a language, "en_US".</param>
public sealed record SocialCard(
    string Type, string Title, string Description, string Url, string SiteName, string Locale, CardImage Image, SocialCard.ArticleFacts? Article = null)
{
    /// <summary>Open Graph's article properties; times ISO 8601 with offset, authors as the URLs of their pages.</summary>
    public sealed record ArticleFacts(string PublishedTime, string ModifiedTime, IReadOnlyList<string> Authors, string Section, IReadOnlyList<string> Tags);

    public static SocialCard ForStory(StoryMetadata story, SiteIdentity site)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(site);
        // The wide crop is the shape a large card shows, so nothing important is cut off by the network instead.
        var image = story.LeadImage is { } lead
            ? Crop(lead, site)
            : site.CardImage;
        return new SocialCard(
            "article",
            story.Headline,
            story.Standfirst ?? site.Description,
            site.Url(story.Path),
            site.Name,
            OpenGraphLocale.From(story.Language),
            image,
            new ArticleFacts(
                NewsDate.Iso(story.PublishedAt, site.Zone),
                NewsDate.Iso(story.ModifiedAt, site.Zone),
                [.. story.Authors.Select(a => site.Url(a.Path))],
                story.SectionName,
                story.Tags));
    }

    /// <summary>A front, section or writer page: the site's description unless the page has its own, the site's image.</summary>
    public static SocialCard ForPage(string type, string title, string? description, string url, SiteIdentity site, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(site);
        return new SocialCard(type, title, string.IsNullOrWhiteSpace(description) ? site.Description : description, url, site.Name,
            OpenGraphLocale.From(language), site.CardImage);
    }

    private static CardImage Crop(StoryMetadata.Image lead, SiteIdentity site)
    {
        var size = CardCrops.SizeOf(lead.Largest, CardCrops.Wide);
        return new CardImage(site.Url(CardCrops.Path(lead.Key, CardCrops.Wide)), size.Width, size.Height, lead.Alt);
    }
}
