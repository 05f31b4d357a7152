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

    /// <summary>
    /// Relevance ranks the latest matches, at most a budget of 6,000 phrase scores: 6,000 matches of a one-word
    /// query, 3,000 of two words, fewer still with filters (each facet is a phrase scored too). Neither engine can
    /// stop early with the best few: each scores every match before it sorts (FTS5 about 3 µs per phrase and match
    /// on a 2-core machine), so a word in a third of a million-document archive took seconds to rank; a query that
    /// broad is about what is recent anyway. Queries with fewer matches, nearly all, are ranked whole (bench/search).
    /// </summary>
    public int RankedCandidates => RankedPhraseBudget / (Terms.Count + Facets.Count);

    public const int RankedPhraseBudget = 6_000;
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
