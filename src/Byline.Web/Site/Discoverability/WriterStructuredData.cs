using System.Text.Json.Nodes;
using Byline.Data.Articles;
using Byline.Web.Articles;

namespace Byline.Web.Site.Discoverability;

/// <summary>A writer's page as a schema.org Person who works for the site. Byline keeps no job titles, so none is given.</summary>
public static class WriterStructuredData
{
    public static JsonObject Build(Writer writer, SiteIdentity site)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(site);
        var person = new JsonObject
        {
            ["@type"] = "Person",
            ["name"] = writer.DisplayName,
            ["url"] = site.Url(ArticlePaths.Writer(writer.Slug)),
        };
        if (!string.IsNullOrWhiteSpace(writer.Bio))
        {
            person["description"] = writer.Bio;
        }
        person["worksFor"] = site.Organization();
        return person;
    }
}
