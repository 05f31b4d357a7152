namespace Byline.Web.Feeds;

/// <summary>The three syndication formats every feed scope is offered in.</summary>
public enum FeedFormat
{
    Rss,
    Atom,
    Json,
}

public static class FeedFormats
{
    public static readonly IReadOnlyList<FeedFormat> All = [FeedFormat.Rss, FeedFormat.Atom, FeedFormat.Json];

    /// <summary>The last segment of the feed's URL.</summary>
    public static string FileName(this FeedFormat format) => format switch
    {
        FeedFormat.Rss => "rss.xml",
        FeedFormat.Atom => "atom.xml",
        _ => "feed.json",
    };

    /// <summary>The media type without parameters, as autodiscovery links name it.</summary>
    public static string MediaType(this FeedFormat format) => format switch
    {
        FeedFormat.Rss => "application/rss+xml",
        FeedFormat.Atom => "application/atom+xml",
        _ => "application/feed+json",
    };

    public static string ContentType(this FeedFormat format) => format.MediaType() + "; charset=utf-8";

    /// <summary>How a person would name the format in a list of feeds.</summary>
    public static string Label(this FeedFormat format) => format switch
    {
        FeedFormat.Rss => "RSS",
        FeedFormat.Atom => "Atom",
        _ => "JSON Feed",
    };
}
