using Byline.Data;
using Byline.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.InlineFeedback;

/// <summary>The text of a story's body at a revision, which passages made on that revision count in.</summary>
public sealed class RevisionTexts(ArticleRenderer renderer)
{
    /// <summary>Null when there is no such revision.</summary>
    public async Task<string?> AtAsync(BylineDbContext db, int articleId, int revision, CancellationToken cancellationToken)
    {
        var found = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == articleId && r.Number == revision)
            .Select(r => new { r.BodyText, r.BodyMarkdown })
            .FirstOrDefaultAsync(cancellationToken);
        // Revisions from before inline feedback kept no text: render them as this version of Byline would.
        return found is null ? null : found.BodyText ?? StoryText.Of(renderer.Render(found.BodyMarkdown));
    }
}
