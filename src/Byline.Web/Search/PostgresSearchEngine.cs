using System.Text;
using Byline.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Byline.Web.Search;

/// <summary>
/// PostgreSQL's stored tsvector column "Terms" with its GIN index (see the Search migration), ranked by ts_rank with
/// the headline (weight A) before the body (B), normalized by document length like BM25.
/// </summary>
public sealed class PostgresSearchEngine : ISearchEngine
{
    public async Task<IReadOnlyList<long>> FindAsync(BylineDbContext db, SearchRequest request, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Terms.Count == 0)
        {
            return [];
        }
        // Terms are runs of word characters only (see SearchText), so none carries tsquery syntax.
        var terms = string.Join(" & ", request.Terms.Select(t => t + ":AB"));
        var parameters = new List<NpgsqlParameter> { new("terms", terms), new("take", take), new("skip", skip) };
        var sql = new StringBuilder("""
            SELECT d."Id" AS "Value" FROM "SearchDocuments" d, to_tsquery('english', @terms) q
            WHERE d."Terms" @@ q
            """);
        if (request.Facets.Count > 0)
        {
            sql.Append(""" AND d."Terms" @@ to_tsquery('simple', @facets)""");
            parameters.Add(new("facets", string.Join(" & ", request.Facets.Select(f => f + ":D"))));
        }
        if (request.From is { } from)
        {
            sql.Append(""" AND d."At" >= @from""");
            parameters.Add(new("from", from.ToUniversalTime()));
        }
        if (request.Until is { } until)
        {
            sql.Append(""" AND d."At" < @until""");
            parameters.Add(new("until", until.ToUniversalTime()));
        }
        sql.Append(request.Order == SearchOrder.Newest
            ? """ ORDER BY d."At" DESC, d."Id" DESC"""
            : """ ORDER BY ts_rank(ARRAY[0, 0, 0.25, 1]::float4[], d."Terms", q, 1) DESC, d."Id" DESC""");
        sql.Append(" LIMIT @take OFFSET @skip");
        return await db.Database.SqlQueryRaw<long>(sql.ToString(), [.. parameters]).ToListAsync(cancellationToken);
    }
}
