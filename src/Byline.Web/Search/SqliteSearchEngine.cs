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
    /// <summary>
    /// Relevance ranks the most recently indexed matches, at most this many. FTS5 scores every match before it can
    /// sort (no early stop for the best few), so a word in a third of a million-document archive took seconds; its
    /// latest 10,000 matches take milliseconds, and a query that broad is about what is recent anyway. Queries with
    /// fewer matches, nearly all, are ranked exactly as before.
    /// </summary>
    public const int RankedCandidates = 10_000;

    public async Task<IReadOnlyList<long>> FindAsync(BylineDbContext db, SearchRequest request, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Terms.Count == 0)
        {
            return [];
        }
        var parameters = new List<SqliteParameter> { new("match", Match(request)), new("take", take), new("skip", skip) };
        var relevance = request.Order == SearchOrder.Relevance;
        var sql = new StringBuilder(relevance
            ? """SELECT "Id" AS "Value" FROM (SELECT f.rowid AS "Id", bm25("SearchIndex", 4.0, 1.0, 0.0) AS "Score" FROM "SearchIndex" f """
            : """SELECT f.rowid AS "Value" FROM "SearchIndex" f """);
        var dated = request.From is not null || request.Until is not null || request.Order == SearchOrder.Newest;
        if (dated)
        {
            sql.Append("""JOIN "SearchDocuments" d ON d."Id" = f.rowid """);
        }
        sql.Append("""WHERE "SearchIndex" MATCH @match """);
        if (request.From is { } from)
        {
            sql.Append("""AND d."At" >= @from """);
            parameters.Add(new("from", from.UtcTicks));
        }
        if (request.Until is { } until)
        {
            sql.Append("""AND d."At" < @until """);
            parameters.Add(new("until", until.UtcTicks));
        }
        if (relevance)
        {
            sql.Append("""ORDER BY f.rowid DESC LIMIT @candidates) ORDER BY "Score", "Id" DESC """);
            parameters.Add(new("candidates", RankedCandidates));
        }
        else
        {
            sql.Append("""ORDER BY d."At" DESC, f.rowid DESC """);
        }
        sql.Append("LIMIT @take OFFSET @skip");
        return await db.Database.SqlQueryRaw<long>(sql.ToString(), [.. parameters]).ToListAsync(cancellationToken);
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
