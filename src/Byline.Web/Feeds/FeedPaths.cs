namespace Byline.Web.Feeds;

/// <summary>
/// The feeds' URLs, in one place: <c>/feeds/rss.xml</c> for the whole site, and <c>/feeds/{sections|writers|tags}/{key}/rss.xml</c>
/// for one section, writer or tag, each also as <c>atom.xml</c> and <c>feed.json</c>.
/// </summary>
public static class FeedPaths
{
    public const string Root = "/feeds";
    public const string Sections = "sections";
    public const string Writers = "writers";
    public const string Tags = "tags";

    public static string Site(FeedFormat format) => $"{Root}/{format.FileName()}";

    public static string Section(string slug, FeedFormat format) => Scoped(Sections, slug, format);

    public static string Writer(string slug, FeedFormat format) => Scoped(Writers, slug, format);

    public static string Tag(string tag, FeedFormat format) => Scoped(Tags, tag, format);

    private static string Scoped(string kind, string key, FeedFormat format) => $"{Root}/{kind}/{Uri.EscapeDataString(key)}/{format.FileName()}";
}
