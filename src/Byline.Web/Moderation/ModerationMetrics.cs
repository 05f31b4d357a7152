using Byline.Data;
using Byline.Data.Comments;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Moderation;

/// <summary>
/// How moderation is going over the last <see cref="Days"/> days: what waits, how long decisions take, who makes them,
/// and how often the classifier agreed with the moderators who later decided the comments it scored.
/// </summary>
public sealed record ModerationMetrics(
    int Pending,
    int Flagged,
    TimeSpan? MedianTimeToDecision,
    IReadOnlyList<ModerationMetrics.ModeratorCount> ByModerator,
    IReadOnlyList<ModerationMetrics.Day> Daily,
    ModerationMetrics.ClassifierAgreement Classifier)
{
    public const int Days = 14;

    public sealed record ModeratorCount(string Name, int Approved, int Rejected, int Spam)
    {
        public int Total => Approved + Rejected + Spam;
    }

    /// <summary>A day in the site's zone: comments posted, held by the checks, and decided by moderators.</summary>
    public sealed record Day(DateOnly Date, int Posted, int Held, int Decided);

    /// <summary>
    /// Of the comments the classifier scored and a moderator then decided: how many it called spam (at the site's
    /// threshold) and how many of those were spam, and how many spam it caught.
    /// </summary>
    public sealed record ClassifierAgreement(double Threshold, int Decided, int TruePositives, int FalsePositives, int FalseNegatives)
    {
        public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);
        public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);
    }

    public static async Task<ModerationMetrics> LoadAsync(
        BylineDbContext db, DateTimeOffset now, TimeZoneInfo zone, double threshold, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-Days);
        var counts = await ModerationQueues.CountsAsync(db, cancellationToken);

        var decisions = await db.CommentDecisions.AsNoTracking()
            .Where(d => d.At >= since && d.Source == DecisionSource.Moderator)
            .Join(db.Comments, d => d.CommentId, c => c.Id, (d, c) => new { d.ActorName, d.To, d.At, c.CreatedAt })
            .ToListAsync(cancellationToken);
        var waits = decisions.Select(d => d.At - d.CreatedAt).Order().ToList();
        TimeSpan? median = waits.Count == 0 ? null
            : waits.Count % 2 == 1 ? waits[waits.Count / 2]
            : (waits[waits.Count / 2 - 1] + waits[waits.Count / 2]) / 2;
        var byModerator = decisions.GroupBy(d => d.ActorName)
            .Select(g => new ModeratorCount(g.Key, g.Count(d => d.To == CommentStatus.Approved), g.Count(d => d.To == CommentStatus.Rejected), g.Count(d => d.To == CommentStatus.Spam)))
            .OrderByDescending(m => m.Total).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();

        var posted = await db.Comments.AsNoTracking().Where(c => c.CreatedAt >= since).Select(c => c.CreatedAt).ToListAsync(cancellationToken);
        var held = await db.CommentDecisions.AsNoTracking().Where(d => d.At >= since && d.Source == DecisionSource.Checks).Select(d => d.At).ToListAsync(cancellationToken);
        DateOnly Local(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        var today = Local(now);
        var daily = Enumerable.Range(0, Days).Select(i => today.AddDays(i - Days + 1)).Select(day => new Day(
            day,
            posted.Count(at => Local(at) == day),
            held.Count(at => Local(at) == day),
            decisions.Count(d => Local(d.At) == day))).ToList();

        // A comment's final label is what the classifier was taught from it: a moderator's decision.
        var scored = await db.Comments.AsNoTracking().Where(c => c.SpamScore != null && c.TrainedAs != null && c.StatusChangedAt >= since)
            .Select(c => new { Score = c.SpamScore!.Value, c.TrainedAs }).ToListAsync(cancellationToken);
        var agreement = new ClassifierAgreement(
            threshold,
            scored.Count,
            scored.Count(s => s.Score >= threshold && s.TrainedAs == "spam"),
            scored.Count(s => s.Score >= threshold && s.TrainedAs == "ham"),
            scored.Count(s => s.Score < threshold && s.TrainedAs == "spam"));

        return new ModerationMetrics(counts[ModerationQueues.Name.Pending], counts[ModerationQueues.Name.Flagged], median, byModerator, daily, agreement);
    }
}
