using Byline.Data;

namespace Byline.Web.Search;

/// <summary>
/// The full-text index of one database engine. Both implementations index the same folded terms (see
/// <see cref="Byline.Core.Search.SearchText"/>), so they find the same documents; each ranks with its own measure
/// (BM25 on SQLite, ts_rank on PostgreSQL), headline before body.
/// </summary>
public interface ISearchEngine
{
    /// <summary>
    /// The ids of matching <see cref="Byline.Data.Search.SearchDocument"/>s, best first, a page of them. Visibility is
    /// checked by the caller on the stories and comments themselves.
    /// </summary>
    Task<IReadOnlyList<long>> FindAsync(BylineDbContext db, SearchRequest request, int skip, int take, CancellationToken cancellationToken);
}
