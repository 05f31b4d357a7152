using Byline.Core.Anchoring;
using Byline.Data;
using Byline.Data.Comments;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.InlineFeedback;

/// <summary>
/// A story's visible inline feedback, as its page shows it: passages in the current text (grouped when several
/// readers chose the same words) and the feedback whose passage is gone ("on earlier versions").
/// </summary>
public sealed record StoryPassages(IReadOnlyList<StoryPassages.Passage> Attached, IReadOnlyList<StoryPassages.Feedback> Orphaned)
{
    /// <summary>How many responses a passage lists on the page; the rest are in the discussion.</summary>
    public const int ListedPerPassage = 5;
    public const int ExcerptLength = 160;

    public static StoryPassages None { get; } = new([], []);

    public sealed record Feedback(long CommentId, string AuthorName, DateTimeOffset CreatedAt, string Excerpt, string Quote, int Revision, DateTimeOffset? AddressedAt);

    public sealed record Passage(int Start, int End, string Quote, IReadOnlyList<Feedback> Items)
    {
        public string Key => PassageIds.Key(Start, End);
    }

    /// <summary>Every passage of the story with visible feedback; a passage whose words no longer read as recorded is left out until re-anchored.</summary>
    public static async Task<StoryPassages> LoadAsync(BylineDbContext db, int articleId, string bodyHtml, CancellationToken cancellationToken)
    {
        var rows = await db.CommentAnchors.AsNoTracking()
            .Where(a => a.ArticleId == articleId)
            .Join(db.Comments.Where(c => c.Status == CommentStatus.Approved), a => a.CommentId, c => c.Id,
                (a, c) => new { Anchor = a, c.AuthorName, c.CreatedAt, c.BodyMarkdown })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return None;
        }
        var text = StoryText.Of(bodyHtml);
        var attached = rows
            .Where(r => !r.Anchor.IsOrphaned && r.Anchor.CurrentStart < r.Anchor.CurrentEnd
                && TextAnchors.IsAt(text, r.Anchor.CurrentStart, r.Anchor.CurrentEnd, r.Anchor.CurrentQuote))
            .GroupBy(r => (r.Anchor.CurrentStart, r.Anchor.CurrentEnd))
            .Select(g => new Passage(g.Key.CurrentStart, g.Key.CurrentEnd, g.First().Anchor.CurrentQuote,
                g.OrderBy(r => r.CreatedAt).ThenBy(r => r.Anchor.CommentId)
                    .Select(r => Item(r.Anchor, r.AuthorName, r.CreatedAt, r.BodyMarkdown)).ToList()))
            .OrderBy(p => p.Start).ThenByDescending(p => p.End)
            .ToList();
        var orphaned = rows
            .Where(r => r.Anchor.IsOrphaned)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Anchor.CommentId)
            .Select(r => Item(r.Anchor, r.AuthorName, r.CreatedAt, r.BodyMarkdown))
            .ToList();
        return new StoryPassages(attached, orphaned);
    }

    public IReadOnlyList<PassageMarks.Highlight> Highlights() =>
        Attached.Select(p => new PassageMarks.Highlight(p.Start, p.End, p.Key, p.Items.Count)).ToList();

    private static Feedback Item(CommentAnchor anchor, string author, DateTimeOffset at, string body) =>
        new(anchor.CommentId, author, at, Excerpt(body), anchor.IsOrphaned ? anchor.Exact : anchor.CurrentQuote, anchor.Revision, anchor.AddressedAt);

    /// <summary>The start of a comment as plain words, never cut inside a surrogate pair.</summary>
    public static string Excerpt(string markdown)
    {
        var flat = string.Join(' ', markdown.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= ExcerptLength)
        {
            return flat;
        }
        var end = char.IsHighSurrogate(flat[ExcerptLength - 1]) ? ExcerptLength - 1 : ExcerptLength;
        return flat[..end].TrimEnd() + "…";
    }
}
