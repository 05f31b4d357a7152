using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Byline.Core.Moderation;
using Byline.Data;
using Byline.Data.Comments;
using Byline.Data.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Byline.Web.Moderation;

/// <summary>
/// The checks a new comment passes before anyone sees it, in order, each adding a reason moderators can read:
/// the form's bot traps, the site's policy (who is pre-moderated, links, banned and suspect terms, repeated text),
/// the comment's language against the story's, and the classifier trained by this site's moderators. Reasons carry
/// weights; together they hold the comment when they reach <see cref="ModerationVerdict.HoldAt"/>, so a signal such as
/// a language mismatch is never a verdict alone.
/// </summary>
public sealed class SubmitChecks(
    BylineDbContext db, PolicyTerms terms, ClassifierReadiness classifier, IOptions<ModerationOptions> options, TimeProvider time)
{
    /// <summary>Shorter texts ("Thank you!") are repeated innocently all the time.</summary>
    public const int DuplicateMinLength = 30;

    public sealed record Subject(string Body, string? UserId, bool IsStaff, string? StoryLanguage);

    public sealed record Verdict(
        CommentStatus Status, IReadOnlyList<ModerationReason> Reasons, double? SpamScore, string BodyHash, string? Language, string? SpamExplanation = null)
    {
        /// <summary>Writes the verdict onto a new comment: its state, what the checks found, and the language they detected.</summary>
        public void ApplyTo(Comment comment)
        {
            comment.Status = Status;
            comment.SpamScore = SpamScore;
            comment.SpamExplanation = SpamExplanation;
            comment.BodyHash = BodyHash;
            comment.Language = Language ?? comment.Language;
            comment.Reasons = Reasons.Select(r => new CommentReason { Code = r.Code, Detail = Shorten(r.Detail, 200), Weight = r.Weight }).ToList();
        }

        /// <summary>The audit record of the checks holding (or refusing) a new comment; saved with it, after it has an id.</summary>
        public CommentDecision? Decision(Comment comment, DateTimeOffset now) => Status == CommentStatus.Approved ? null : new CommentDecision
        {
            CommentId = comment.Id,
            CommentRevision = comment.Revision,
            From = CommentStatus.Pending,
            To = Status,
            ActorName = ModerationActor.Checks.Name,
            Source = DecisionSource.Checks,
            At = now,
            Reason = Shorten(string.Join(" ", comment.Reasons), 1000),
        };

        private static string? Shorten(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
    }

    public async Task<Verdict> RunAsync(Subject subject, SubmitSignals signals, SiteSettings site, CancellationToken cancellationToken)
    {
        var reasons = new List<ModerationReason>();
        var normalized = ModerationText.Normalize(subject.Body);
        var hash = Hash(normalized);

        // 1. Bot traps.
        var honeypot = signals.Form?.HoneypotFilled == true;
        if (honeypot)
        {
            reasons.Add(new ModerationReason("honeypot", ModerationVerdict.HoldAt));
        }
        // A post without a stamp did not load the form first: like the JSON API, it is judged on what it says. A stamp
        // that is forged, or too recent for anyone to have read and written, is a scraper at work.
        if (signals.Form is { Stamped: true } form && (form.Elapsed is not { } elapsed || elapsed.TotalSeconds < options.Value.MinSecondsToSubmit))
        {
            reasons.Add(new ModerationReason("too-fast", ModerationVerdict.HoldAt,
                form.Elapsed is { } e ? Math.Max(0, e.TotalSeconds).ToString("0.#", CultureInfo.InvariantCulture) + "s" : null));
        }

        // 2. The site's policy.
        var (banned, suspect) = terms.For(site);
        var bannedFound = banned.Find(normalized);
        reasons.AddRange(bannedFound.Select(t => new ModerationReason("banned-word", ModerationVerdict.HoldAt, t)));
        reasons.AddRange(suspect.Find(normalized).Take(5).Select(t => new ModerationReason("suspect-word", ModerationVerdict.HoldAt, t)));

        // On the normalized text, so that look-alike letters and "example[.]com" do not hide a link.
        var links = Links.Find(normalized);
        if (links.Count > site.MaxLinks)
        {
            reasons.Add(new ModerationReason("link-count", ModerationVerdict.HoldAt, links.Count.ToString(CultureInfo.InvariantCulture)));
        }
        foreach (var host in links.Where(Links.IsChatLink).Select(l => l.Host).Distinct().Take(3))
        {
            reasons.Add(new ModerationReason("chat-link", 0.6, host));
        }

        if (await PreModerationAsync(subject, site, cancellationToken) is { } preModeration)
        {
            reasons.Add(preModeration);
        }
        if (normalized.Length >= DuplicateMinLength)
        {
            var since = time.GetUtcNow().AddHours(-options.Value.DuplicateWindowHours);
            if (await db.Comments.AnyAsync(c => c.BodyHash == hash && c.CreatedAt > since, cancellationToken))
            {
                reasons.Add(new ModerationReason("duplicate", ModerationVerdict.HoldAt));
            }
        }

        // 3. Language: a signal, not a verdict.
        var language = LanguageDetector.Detect(subject.Body);
        if (LanguageDetector.Mismatch(language, subject.StoryLanguage))
        {
            reasons.Add(new ModerationReason("language-mismatch", 0.5, $"{language.Language}≠{subject.StoryLanguage}"));
        }

        // 4. What this site's moderators taught the classifier (nothing until it has seen enough of both kinds).
        var score = await ClassifierModel.ScoreAsync(db, classifier, ClassifierFeatures.Extract(normalized), cancellationToken);
        if (score is { SpamProbability: var p } && p >= 0.7)
        {
            reasons.Add(new ModerationReason("classifier", p >= site.ClassifierThreshold ? ModerationVerdict.HoldAt : 0.5,
                p.ToString("0.00", CultureInfo.InvariantCulture)));
        }

        var status = honeypot ? CommentStatus.Spam
            : bannedFound.Count > 0 ? CommentStatus.Rejected
            : subject.IsStaff || !ModerationVerdict.Holds(reasons) ? CommentStatus.Approved
            : CommentStatus.Pending;
        return new Verdict(status, reasons, score?.SpamProbability, hash, language.Language, Explain(score));
    }

    private async Task<ModerationReason?> PreModerationAsync(Subject subject, SiteSettings site, CancellationToken cancellationToken)
    {
        if (site.PreModeration == PreModeration.Nobody || subject.IsStaff)
        {
            return null;
        }
        if (subject.UserId is null)
        {
            // A guest has no history to go on (an email address proves nothing).
            return site.PreModeration == PreModeration.FirstTime
                ? new ModerationReason("first-comment", ModerationVerdict.HoldAt)
                : new ModerationReason("pre-moderation", ModerationVerdict.HoldAt, "guest");
        }
        if (site.PreModeration == PreModeration.Guests)
        {
            return null;
        }
        var needed = Math.Max(1, site.TrustAfterApproved);
        var approved = await AuthorStanding.ApprovedCountAsync(db, subject.UserId, needed, cancellationToken);
        if (site.PreModeration == PreModeration.FirstTime)
        {
            return approved == 0 ? new ModerationReason("first-comment", ModerationVerdict.HoldAt) : null;
        }
        return site.TrustAfterApproved > 0 && approved >= site.TrustAfterApproved
            ? null
            : new ModerationReason("pre-moderation", ModerationVerdict.HoldAt, "everyone");
    }

    /// <summary>The classifier's strongest features, signed (+ spammy, − hammy), as moderators read them in the queue.</summary>
    public static string? Explain(ClassifierScore? score)
    {
        if (score is null || score.Top.Count == 0)
        {
            return null;
        }
        var text = string.Join(" ", score.Top.Select(f => $"{f.Feature} {f.LogRatio.ToString("+0.0;-0.0", CultureInfo.InvariantCulture)}"));
        return text.Length <= 500 ? text : text[..500];
    }

    public static string Hash(string normalized) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)).AsSpan(0, 16));
}
