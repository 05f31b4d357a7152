using System.Text;
using Byline.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Search;

/// <summary>
/// SQLite's FTS5 table "SearchIndex" (see the Search migration), ranked by BM25 with the headline columns weighing
/// four times the body and the facets nothing.
/// </summary>
public sealed class SqliteSearchEngine : ISearchEngine
{
    public async Task<IReadOnlyList<long>> FindAsync(BylineDbContext db, SearchRequest request, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Terms.Count == 0)
        {
            return [];
        }
        // Document ids are dates (SearchDocumentKeys): FTS5 walks its matches in id order, so the date range and
        // "newest" are constraints it serves itself, and a LIMIT stops the walk.
        var parameters = new List<SqliteParameter> { new("match", Match(request)), new("take", take), new("skip", skip) };
        var walk = new StringBuilder("""FROM "SearchIndex" WHERE "SearchIndex" MATCH @match """);
        if (request.From is { } from)
        {
            walk.Append("AND rowid >= @from ");
            parameters.Add(new("from", SearchDocumentKeys.MinuteStart(from)));
        }
        if (request.Until is { } until)
        {
            walk.Append("AND rowid < @until ");
            parameters.Add(new("until", SearchDocumentKeys.MinuteStart(until)));
        }
        walk.Append("ORDER BY rowid DESC ");
        string sql;
        if (request.Order == SearchOrder.Newest)
        {
            sql = $"""SELECT rowid AS "Value" {walk}LIMIT @take OFFSET @skip""";
        }
        else
        {
            parameters.Add(new("candidates", request.RankedCandidates));
            sql = $"""
                SELECT "Id" AS "Value" FROM (SELECT rowid AS "Id", bm25("SearchIndex", 4.0, 1.0, 0.0) AS "Score" {walk}LIMIT @candidates)
                ORDER BY "Score", "Id" DESC LIMIT @take OFFSET @skip
                """;
        }
        return await db.Database.SqlQueryRaw<long>(sql, [.. parameters]).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The FTS5 query: every term in the text columns, every facet in the facets column. Terms are runs of word
    /// characters (see SearchText), quoted anyway so that no term is ever read as an operator (AND, NOT, NEAR).
    /// </summary>
    internal static string Match(SearchRequest request)
    {
        var match = new StringBuilder("{Title Body} : (");
        match.AppendJoin(" AND ", request.Terms.Select(Quote));
        match.Append(')');
        foreach (var facet in request.Facets)
        {
            match.Append(" AND Facets : ").Append(Quote(facet));
        }
        return match.ToString();
    }

    private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
