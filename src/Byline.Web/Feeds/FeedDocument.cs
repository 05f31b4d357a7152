namespace Byline.Web.Feeds;

/// <summary>
/// A feed ready to be written in any format: absolute URLs, times in the site's zone (with its offset), entry content
/// as HTML. The three writers only arrange these values.
/// </summary>
public sealed record FeedDocument(
    string Title,
    string Description,
    string Language,
    Uri Home,
    Uri Self,
    string SiteName,
    Uri Site,
    DateTimeOffset Updated,
    Uri? Image,
    IReadOnlyList<FeedDocument.Item> Items)
{
    public sealed record Item(
        string Id,
        Uri Url,
        string Title,
        string? Summary,
        string ContentHtml,
        string Language,
        DateTimeOffset Published,
        DateTimeOffset Updated,
        IReadOnlyList<Person> Authors,
        IReadOnlyList<string> Categories);

    public sealed record Person(string Name, Uri Url);
}
