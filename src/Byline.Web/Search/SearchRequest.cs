namespace Byline.Web.Search;

/// <summary>What a reader asked for, checked: the query's terms and the filters, in the form the engines take.</summary>
public sealed record SearchRequest(
    string Query,
    IReadOnlyList<string> Terms,
    SearchKind Kind = SearchKind.All,
    int? SectionId = null,
    int? WriterId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? Until = null,
    SearchOrder Order = SearchOrder.Relevance)
{
    /// <summary>The engines' filter tokens this request needs (see <see cref="SearchFacets"/>).</summary>
    public IReadOnlyList<string> Facets =>
    [
        .. Kind switch { SearchKind.Stories => [SearchFacets.Story], SearchKind.Comments => [SearchFacets.Comment], _ => (string[])[] },
        .. SectionId is { } section ? [SearchFacets.Section(section)] : (string[])[],
        .. WriterId is { } writer ? [SearchFacets.Writer(writer)] : (string[])[],
    ];
}

public enum SearchKind
{
    All,
    Stories,
    Comments,
}

public enum SearchOrder
{
    Relevance,
    Newest,
}
