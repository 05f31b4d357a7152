using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Site.Discoverability.Sitemaps;

/// <summary>
/// <c>/sitemaps/news.xml</c>, a Google News sitemap: the stories first published in the last <see cref="Window"/>
/// (by the app's clock), newest first, at most <see cref="MaxEntries"/>, each with the publication's name, the story's
/// language, its first publication time and its headline.
/// </summary>
public static class NewsSitemap
{
    public const string Path = "/sitemaps/news.xml";

    /// <summary>The format's limits: only recent stories, and no more than this many in one sitemap.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);
    public const int MaxEntries = 1_000;

    public sealed record Entry(string Slug, string SectionSlug, string Headline, string Language, DateTimeOffset PublishedAt)
    {
        public string StoryPath => ArticlePaths.Story(SectionSlug, Slug);
    }

    /// <summary>The stories the sitemap lists at <paramref name="now"/>; <paramref name="max"/> is a parameter so the cap can be tested cheaply.</summary>
    public static IQueryable<Entry> Select(IQueryable<Article> articles, DateTimeOffset now, int max = MaxEntries)
    {
        var since = now - Window;
        return articles.Published()
            .Where(a => a.PublishedAt >= since && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(max)
            .Select(a => new Entry(a.Slug, a.Section.Slug, a.Headline, a.Language, a.PublishedAt!.Value));
    }

    public static async Task<IResult> GetAsync(HttpContext context, BylineDbContext db, SiteIdentities identities, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var entries = await Select(db.Articles.AsNoTracking(), time.GetUtcNow()).ToListAsync(cancellationToken);
        var site = await identities.ForAsync(context.Request, cancellationToken);
        return SitemapXml.Respond(context, xml =>
        {
            xml.WriteStartElement("urlset", SitemapXml.Namespace);
            xml.WriteAttributeString("xmlns", "news", null, SitemapXml.NewsNamespace);
            foreach (var entry in entries)
            {
                xml.WriteStartElement("url", SitemapXml.Namespace);
                xml.WriteElementString("loc", SitemapXml.Namespace, site.Url(entry.StoryPath));
                xml.WriteStartElement("news", SitemapXml.NewsNamespace);
                xml.WriteStartElement("publication", SitemapXml.NewsNamespace);
                xml.WriteElementString("name", SitemapXml.NewsNamespace, site.Name);
                xml.WriteElementString("language", SitemapXml.NewsNamespace, NewsLanguage.Of(entry.Language));
                xml.WriteEndElement();
                xml.WriteElementString("publication_date", SitemapXml.NewsNamespace, SitemapXml.Date(entry.PublishedAt));
                xml.WriteElementString("title", SitemapXml.NewsNamespace, entry.Headline);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }
}
