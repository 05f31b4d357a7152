using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Newsroom;
using Microsoft.EntityFrameworkCore;
using Byline.Web.Search;

namespace Byline.Web.Articles;

/// <summary>
/// Stores a <see cref="StoryDocument"/>: creates writers and sections it names, and updates an existing story with the
/// same slug in place (its comments stay). One transaction per story, so a failure stores nothing of it.
/// </summary>
public sealed class ArticleImporter(BylineDbContext db, ArticleRenderer renderer, TimeProvider time)
{
    /// <summary>The author name of revisions written by imports (the CLI, the demo site).</summary>
    public const string ImportAuthor = "Import";

    public sealed record Outcome(Article Article, string Path, bool Created, bool Changed);

    public async Task<Outcome> ImportAsync(StoryDocument story, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var section = await db.Sections.FirstOrDefaultAsync(s => s.Slug == story.SectionSlug, cancellationToken);
        if (section is null)
        {
            section = new Section { Slug = story.SectionSlug, Name = story.SectionName };
            db.Sections.Add(section);
        }

        var writers = new List<Writer>();
        foreach (var name in story.Writers)
        {
            var slug = Slugs.From(name);
            var writer = writers.Find(w => w.Slug == slug)
                ?? await db.Writers.FirstOrDefaultAsync(w => w.Slug == slug, cancellationToken);
            if (writer is null)
            {
                writer = new Writer { Slug = slug, DisplayName = name };
                db.Writers.Add(writer);
            }
            if (!writers.Contains(writer))
            {
                writers.Add(writer);
            }
        }

        var article = await db.Articles.Include(a => a.Bylines).FirstOrDefaultAsync(a => a.Slug == story.Slug, cancellationToken);
        var created = article is null;
        var before = article is null ? null : StorySnapshot.Of(article);
        var bodyHtml = renderer.Render(story.Body);
        var changed = created
            || article!.Headline != story.Headline || article.BodyMarkdown != story.Body || article.Standfirst != story.Standfirst;

        article ??= db.Articles.Add(new Article { Slug = story.Slug, Headline = story.Headline, BodyMarkdown = story.Body, BodyHtml = bodyHtml }).Entity;
        article.Headline = story.Headline;
        article.Standfirst = story.Standfirst;
        article.BodyMarkdown = story.Body;
        article.BodyHtml = bodyHtml;
        article.Language = story.Language;
        article.Section = section;
        article.Tags = [.. story.Tags];
        // The operator imports finished stories: a new one is published as of the date the file gives. A re-import
        // updates the content but never the workflow: a story the newsroom unpublished stays unpublished.
        article.PublishedAt = story.Published;
        if (created)
        {
            article.State = ArticleState.Published;
            article.CreatedAt = time.GetUtcNow();
        }
        // A story that changes on re-import is honestly marked as updated, unless the file says when.
        article.UpdatedAt = story.Updated ?? (changed && !created ? time.GetUtcNow() : article.UpdatedAt);
        article.Source = story.Source;
        article.DisclaimerMode = story.DisclaimerMode;
        article.DisclaimerText = story.DisclaimerText;
        article.CommentsOpen = story.CommentsOpen;
        article.Version++;

        article.Bylines.Clear();
        if (!created)
        {
            // Positions are the key of a byline, so old rows must be gone before new ones with the same positions arrive.
            await db.SaveChangesAsync(cancellationToken);
        }
        for (var i = 0; i < writers.Count; i++)
        {
            article.Bylines.Add(new ArticleByline { Writer = writers[i], Position = i });
        }

        await db.SaveChangesAsync(cancellationToken);
        // After the save: a new story has its id only now.
        SearchIndex.StoryChanged(db, article.Id, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        if (before is null || !StorySnapshot.Of(article).SameContentAs(before))
        {
            // An import is a save like any other: the newsroom's history shows what the file brought.
            StoryRevisions.Record(db, article, article.Revision, null, ImportAuthor, created ? "Imported" : "Re-imported with changes", time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(article, ArticlePaths.Story(section.Slug, article.Slug), created, changed);
    }
}
