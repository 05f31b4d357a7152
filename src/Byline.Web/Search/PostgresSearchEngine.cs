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
        var matches = new StringBuilder("""FROM "SearchDocuments" d WHERE d."Terms" @@ to_tsquery('english', @terms)""");
        if (request.Facets.Count > 0)
        {
            matches.Append(""" AND d."Terms" @@ to_tsquery('simple', @facets)""");
            parameters.Add(new("facets", string.Join(" & ", request.Facets.Select(f => f + ":D"))));
        }
        if (request.From is { } from)
        {
            matches.Append(""" AND d."At" >= @from""");
            parameters.Add(new("from", from.ToUniversalTime()));
        }
        if (request.Until is { } until)
        {
            matches.Append(""" AND d."At" < @until""");
            parameters.Add(new("until", until.ToUniversalTime()));
        }
        // Ids are dates (SearchDocumentKeys). Relevance ranks the latest matches (RankedCandidates): ts_rank reads
        // every ranked document's tsvector.
        string sql;
        if (request.Order == SearchOrder.Newest)
        {
            sql = $"""SELECT d."Id" AS "Value" {matches} ORDER BY d."Id" DESC LIMIT @take OFFSET @skip""";
        }
        else
        {
            parameters.Add(new("candidates", request.RankedCandidates));
            sql = $"""
                SELECT c."Id" AS "Value"
                FROM (SELECT d."Id", d."Terms" {matches} ORDER BY d."Id" DESC LIMIT @candidates) c, to_tsquery('english', @terms) q
                ORDER BY ts_rank(ARRAY[0, 0, 0.25, 1]::float4[], c."Terms", q, 1) DESC, c."Id" DESC
                LIMIT @take OFFSET @skip
                """;
        }
        return await db.Database.SqlQueryRaw<long>(sql, [.. parameters]).ToListAsync(cancellationToken);
    }
}
