using Byline.Core.Moderation;
using Byline.Data;
using Byline.Data.Comments;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Moderation;

/// <summary>
/// The classifier's model as stored: one row of spam/ham counts per feature (<see cref="ClassifierFeature"/>), shared
/// by every node. Scoring reads only the rows of the comment's own features; learning adds to them with one upsert
/// per feature, so moderators' decisions change the model at once, incrementally.
/// </summary>
public static class ClassifierModel
{
    public static async Task<ClassifierScore?> ScoreAsync(
        BylineDbContext db, ClassifierReadiness readiness, IReadOnlyList<string> features, CancellationToken cancellationToken)
    {
        if (!await readiness.IsReadyAsync(db, cancellationToken))
        {
            return null;
        }
        var keys = features.Append(ClassifierFeature.Documents).ToList();
        var rows = await db.ClassifierFeatures.AsNoTracking().Where(f => keys.Contains(f.Feature))
            .ToDictionaryAsync(f => f.Feature, f => new FeatureCounts(f.Spam, f.Ham), StringComparer.Ordinal, cancellationToken);
        var documents = rows.GetValueOrDefault(ClassifierFeature.Documents) ?? new FeatureCounts(0, 0);
        return NaiveBayes.Score(features, f => rows.GetValueOrDefault(f), documents.Spam, documents.Ham);
    }

    /// <summary>Adds (or with <paramref name="sign"/> -1 removes) one training comment's features under a label.</summary>
    /// <remarks>Removing only ever undoes an earlier add (see Comment.TrainedAs), so no count goes below zero.</remarks>
    public static async Task LearnAsync(BylineDbContext db, IReadOnlyList<string> features, bool spam, int sign, CancellationToken cancellationToken)
    {
        var (spamDelta, hamDelta) = spam ? (sign, 0) : (0, sign);
        // One statement per hundred features, the same on both engines: SQLite (3.24+) and PostgreSQL both have
        // INSERT … ON CONFLICT DO UPDATE.
        foreach (var chunk in features.Append(ClassifierFeature.Documents).Distinct(StringComparer.Ordinal).Chunk(100))
        {
            var rows = string.Join(", ", chunk.Select((_, i) => $"({{{i}}}, {Math.Max(spamDelta, 0)}, {Math.Max(hamDelta, 0)})"));
            var sql = $"""
                INSERT INTO "ClassifierFeatures" ("Feature", "Spam", "Ham") VALUES {rows}
                ON CONFLICT ("Feature") DO UPDATE SET "Spam" = "ClassifierFeatures"."Spam" + {spamDelta}, "Ham" = "ClassifierFeatures"."Ham" + {hamDelta}
                """;
            await db.Database.ExecuteSqlRawAsync(sql, chunk.Cast<object>(), cancellationToken);
        }
    }
}
