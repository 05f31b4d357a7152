using Byline.Core.Anchoring;
using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Comments;

namespace Byline.Web.InlineFeedback;

/// <summary>
/// Checks the passage a new comment responds to against the story's own text (the server, not the client, is the
/// source of truth) and turns it into a <see cref="CommentAnchor"/> on the current revision.
/// </summary>
public sealed class PassageAnchoring(RevisionTexts texts)
{
    public sealed record Story(int Id, int Revision, string BodyHtml);

    public async Task<(CommentAnchor? Anchor, CommentError? Error)> AnchorAsync(
        BylineDbContext db, Story story, AnchorSubmission submission, CancellationToken cancellationToken)
    {
        var exact = submission.Exact;
        if (string.IsNullOrWhiteSpace(exact))
        {
            return (null, AnchorError.Empty);
        }
        if (exact.Length > TextAnchors.MaxQuoteLength * 2 || TextInput.IsLongerThan(exact, TextAnchors.MaxQuoteLength))
        {
            return (null, AnchorError.TooLong);
        }
        var current = StoryText.Of(story.BodyHtml);
        var revision = submission.Revision ?? story.Revision;
        var text = revision == story.Revision ? current
            : revision < 1 || revision > story.Revision ? null
            : await texts.AtAsync(db, story.Id, revision, cancellationToken);
        if (text is null)
        {
            return (null, AnchorError.UnknownRevision);
        }

        int start, end;
        if (submission.Start is not null || submission.End is not null)
        {
            if (submission.Start is not { } s || submission.End is not { } e || s < 0 || e <= s || e > text.Length
                || CodeUnits.SplitsPair(text, s) || CodeUnits.SplitsPair(text, e))
            {
                return (null, AnchorError.OutOfRange);
            }
            if (!TextAnchors.IsAt(text, s, e, exact))
            {
                return (null, AnchorError.Mismatch);
            }
            (start, end) = (s, e);
        }
        else if (TextAnchors.Find(text, exact, submission.Prefix, submission.Suffix, null) is { } found)
        {
            (start, end) = found;
        }
        else
        {
            return (null, AnchorError.Mismatch);
        }

        var made = TextAnchors.At(text, start, end);
        // Made on an older revision (a page read before an edit): bring it to the current text now.
        var now = text == current
            ? new Reanchored(revision == story.Revision ? AnchorOutcome.Kept : AnchorOutcome.Moved, start, end, 1, false)
            : TextEdit.Between(text, current).Reanchor(made);
        var orphaned = now.Outcome == AnchorOutcome.Orphaned;
        return (new CommentAnchor
        {
            ArticleId = story.Id,
            Exact = made.Exact,
            Prefix = made.Prefix,
            Suffix = made.Suffix,
            Start = made.Start,
            End = made.End,
            Revision = revision,
            ResolvedRevision = story.Revision,
            CurrentStart = orphaned ? made.Start : now.Start,
            CurrentEnd = orphaned ? made.End : now.End,
            CurrentQuote = orphaned ? made.Exact : current[now.Start..now.End],
            Outcome = now.Outcome,
            Confidence = now.Confidence,
            EditedAtRevision = now.Touched ? revision + 1 : null,
        }, null);
    }
}
