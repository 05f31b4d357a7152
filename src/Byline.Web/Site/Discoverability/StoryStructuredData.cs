using System.Globalization;
using System.Text.Json.Nodes;
using Byline.Data.Articles;
using Byline.Web.Articles;
using Byline.Web.Media;

namespace Byline.Web.Site.Discoverability;

/// <summary>A story as a schema.org NewsArticle (or the subtype its label names), for search engines.</summary>
public static class StoryStructuredData
{
    /// <summary>schema.org's subtypes for the labels Byline prints above a headline.</summary>
    public static string TypeOf(ArticleType type) => type switch
    {
        ArticleType.Analysis => "AnalysisNewsArticle",
        ArticleType.Opinion => "OpinionNewsArticle",
        ArticleType.Explainer => "BackgroundNewsArticle",
        _ => "NewsArticle",
    };

    public static JsonObject Build(StoryMetadata story, SiteIdentity site)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(site);
        var url = site.Url(story.Path);
        var article = new JsonObject
        {
            ["@type"] = TypeOf(story.Type),
            ["headline"] = story.Headline,
        };
        if (story.Standfirst is not null)
        {
            article["description"] = story.Standfirst;
        }
        article["inLanguage"] = story.Language;
        article["datePublished"] = NewsDate.Iso(story.PublishedAt, site.Zone);
        article["dateModified"] = NewsDate.Iso(story.ModifiedAt, site.Zone);
        article["author"] = new JsonArray([.. story.Authors.Select(a => (JsonNode)new JsonObject
        {
            ["@type"] = "Person",
            ["name"] = a.Name,
            ["url"] = site.Url(a.Path),
        })]);
        if (story.LeadImage is { } image)
        {
            // Google asks for the same picture in the three shapes its surfaces use.
            article["image"] = new JsonArray([.. CardCrops.All.Select(aspect => (JsonNode)site.Url(CardCrops.Path(image.Key, aspect)))]);
        }
        article["publisher"] = site.Organization();
        article["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = url };
        article["url"] = url;
        article["articleSection"] = story.SectionName;
        if (story.Tags.Count > 0)
        {
            article["keywords"] = new JsonArray([.. story.Tags.Select(t => (JsonNode)t)]);
        }
        if (story.Source is { } source)
        {
            article["isBasedOn"] = BasedOn(source);
        }
        if (story.Corrections.Count > 0)
        {
            article["correction"] = new JsonArray([.. story.Corrections.Select(c => (JsonNode)new JsonObject
            {
                ["@type"] = "CorrectionComment",
                ["name"] = c.Kind.ToString(),
                ["text"] = c.Text,
                ["datePublished"] = NewsDate.Iso(c.At, site.Zone),
            })]);
        }
        return article;
    }

    /// <summary>The report the story is based on: its title, outlet, date and, when known, address.</summary>
    private static JsonObject BasedOn(SourceCitation source)
    {
        var work = new JsonObject
        {
            ["@type"] = "CreativeWork",
            ["name"] = source.OriginalTitle,
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = source.Outlet },
            ["datePublished"] = source.OriginalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (CitationFormatter.IsWebUrl(source.Url))
        {
            work["url"] = source.Url;
        }
        return work;
    }
}
