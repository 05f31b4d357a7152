using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Byline.Web.Feeds;

/// <summary>
/// RSS 2.0 and Atom 1.0 through System.ServiceModel.Syndication. The two differ where the formats do: RSS carries
/// the HTML in <c>content:encoded</c> and the standfirst in <c>description</c>, and names bylines with <c>dc:creator</c>
/// as readers expect (its own <c>author</c> wants an e-mail address; the writer's page goes in an Atom author beside
/// it); Atom has <c>summary</c> and <c>content</c>.
/// </summary>
public static class SyndicationWriter
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    public static byte[] Rss(FeedDocument document)
    {
        var feed = Feed(document, FeedFormat.Rss);
        // Declared once on <rss>, so that every item's extensions use the usual prefixes.
        feed.AttributeExtensions.Add(new XmlQualifiedName("content", XmlnsNamespace), Content.NamespaceName);
        feed.AttributeExtensions.Add(new XmlQualifiedName("dc", XmlnsNamespace), DublinCore.NamespaceName);
        feed.Items = document.Items.Select(item =>
        {
            var entry = Entry(item);
            // RSS readers take a description as HTML: a standfirst's "<" or "&" must arrive as text.
            entry.Summary = new TextSyndicationContent(item.Summary is null ? item.ContentHtml : WebUtility.HtmlEncode(item.Summary), TextSyndicationContentKind.Html);
            entry.ElementExtensions.Add(new XElement(Content + "encoded", item.ContentHtml));
            foreach (var author in item.Authors)
            {
                entry.ElementExtensions.Add(new XElement(DublinCore + "creator", author.Name));
            }
            return entry;
        }).ToList();
        return Write(new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true));
    }

    public static byte[] Atom(FeedDocument document)
    {
        var feed = Feed(document, FeedFormat.Atom);
        feed.Id = document.Self.AbsoluteUri;
        // Atom wants an author for every entry: the site stands in for a story without a byline.
        feed.Authors.Add(new SyndicationPerson { Name = document.SiteName, Uri = document.Site.AbsoluteUri });
        feed.Items = document.Items.Select(item =>
        {
            var entry = Entry(item);
            entry.AttributeExtensions.Add(new XmlQualifiedName("lang", XmlNamespace), item.Language);
            if (item.Summary is not null)
            {
                entry.Summary = new TextSyndicationContent(item.Summary);
            }
            entry.Content = new TextSyndicationContent(item.ContentHtml, TextSyndicationContentKind.Html);
            return entry;
        }).ToList();
        return Write(new Atom10FeedFormatter(feed));
    }

    private static SyndicationFeed Feed(FeedDocument document, FeedFormat format)
    {
        var feed = new SyndicationFeed(document.Title, document.Description, document.Home)
        {
            Language = document.Language,
            LastUpdatedTime = document.Updated,
            Generator = "Byline",
        };
        feed.Links.Add(new SyndicationLink(document.Self, "self", document.Title, format.MediaType(), 0));
        if (document.Image is not null)
        {
            feed.ImageUrl = document.Image;
        }
        return feed;
    }

    private static SyndicationItem Entry(FeedDocument.Item item)
    {
        var entry = new SyndicationItem
        {
            Id = item.Id,
            Title = new TextSyndicationContent(item.Title),
            PublishDate = item.Published,
            LastUpdatedTime = item.Updated,
        };
        entry.Links.Add(SyndicationLink.CreateAlternateLink(item.Url, "text/html"));
        foreach (var author in item.Authors)
        {
            entry.Authors.Add(new SyndicationPerson { Name = author.Name, Uri = author.Url.AbsoluteUri });
        }
        foreach (var category in item.Categories)
        {
            entry.Categories.Add(new SyndicationCategory(category));
        }
        return entry;
    }

    private static byte[] Write(SyndicationFeedFormatter formatter)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            formatter.WriteTo(writer);
        }
        return stream.ToArray();
    }
}
