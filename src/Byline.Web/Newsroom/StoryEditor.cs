using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Accounts;
using Byline.Web.Articles;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;
using static Byline.Web.Newsroom.StoryRules;
using Byline.Web.Search;

namespace Byline.Web.Newsroom;

/// <summary>
/// Creating and saving stories, for the editor page and the API alike: authorize (<see cref="StoryAccess"/>) → check the
/// revision the edit started from → validate (<see cref="StoryRules"/>, then what needs the database) → one
/// transaction: the story and its new revision → tell the public side when readers can see the change.
/// </summary>
public sealed class StoryEditor(
    BylineDbContext db, CurrentUser user, ArticleRenderer renderer, WriteGate writeGate, PublicPages pages, TimeProvider time)
{
    /// <summary>The story (tracked, with its bylines and section) and what this person may do with it; null when hidden.</summary>
    public async Task<(Article Story, StoryAccess Access)?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var story = await db.Articles.Include(a => a.Bylines).Include(a => a.Section).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (story is null)
        {
            return null;
        }
        var access = StoryAccess.For(user, story);
        return access.CanView ? (story, access) : null;
    }

    public async Task<StoryOutcome> CreateAsync(StoryInput input, CancellationToken cancellationToken)
    {
        if (!StoryAccess.CanCreate(user))
        {
            return StoryOutcome.Forbidden("Only writers and editors write stories.");
        }
        var (fields, errors) = Read(input);
        if (fields is { WriterIds.Count: 0 })
        {
            // A new story is credited to its author unless they say otherwise.
            if (user.WriterId is { } own)
            {
                fields = fields with { WriterIds = [own] };
            }
            else
            {
                errors[Field.Writers] = "Credit at least one writer.";
            }
        }
        var sectionId = fields is null ? null : await CheckAsync(fields, null, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return StoryOutcome.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var slug = fields!.Slug ?? await FreeSlugAsync(Slugs.From(fields.Headline), cancellationToken);
        Article story;
        bool addedSection;
        try
        {
            using (await writeGate.EnterAsync(db, cancellationToken))
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                (sectionId, addedSection) = await EnsureSectionAsync(fields, sectionId, cancellationToken);
                story = new Article
                {
                    Slug = slug,
                    Headline = fields.Headline,
                    BodyMarkdown = fields.Body,
                    BodyHtml = "",
                    State = ArticleState.Draft,
                    CreatedAt = now,
                    CreatedByUserId = user.Id,
                };
                Snapshot(fields, slug, sectionId!.Value).ApplyTo(story);
                story.BodyHtml = renderer.Render(story.BodyMarkdown);
                db.Articles.Add(story);
                await db.SaveChangesAsync(cancellationToken);
                StoryRevisions.Record(db, story, 0, user.Id, user.DisplayName, fields.Note, now);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await SlugTakenAsync(slug, null, cancellationToken))
            {
                // Another story took the slug between the check and the insert; nothing was stored.
                return StoryOutcome.Invalid(Field.Slug, "Another story took this slug a moment ago; choose another.");
            }
            throw;
        }
        if (addedSection)
        {
            pages.SectionsChanged();
        }
        return new StoryOutcome(story);
    }

    public async Task<StoryOutcome> UpdateAsync(int id, StoryInput input, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        if (found is null)
        {
            return StoryOutcome.NotFound;
        }
        var (story, access) = found.Value;
        if (!access.CanEdit(story.State))
        {
            return StoryOutcome.Forbidden("Once a story is submitted only editors edit it; withdraw it from review to edit it again.");
        }
        if (input.Revision is not { } basedOn)
        {
            return StoryOutcome.Invalid(Field.Revision, "Say which revision this edit is based on.");
        }
        if (basedOn != story.Revision)
        {
            return Conflict(basedOn, story.Revision);
        }
        var (fields, errors) = Read(input);
        if (fields is { WriterIds.Count: 0 })
        {
            errors[Field.Writers] = "Credit at least one writer.";
        }
        var sectionId = fields is null ? null : await CheckAsync(fields, story, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return StoryOutcome.Invalid(errors);
        }

        var slug = fields!.Slug ?? story.Slug;
        if (sectionId is { } known && fields.Note is null && Snapshot(fields, slug, known).SameContentAs(StorySnapshot.Of(story)))
        {
            return new StoryOutcome(story) { Unchanged = true };
        }

        var now = time.GetUtcNow();
        var isPublic = story.State == ArticleState.Published;
        bool addedSection;
        try
        {
            using (await writeGate.EnterAsync(db, cancellationToken))
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                (sectionId, addedSection) = await EnsureSectionAsync(fields, sectionId, cancellationToken);
                Snapshot(fields, slug, sectionId!.Value).ApplyTo(story);
                story.BodyHtml = renderer.Render(story.BodyMarkdown);
                story.Version++;
                if (isPublic)
                {
                    story.UpdatedAt = now;
                }
                StoryRevisions.Record(db, story, basedOn, user.Id, user.DisplayName, fields.Note, now);
                if (isPublic)
                {
                    SearchIndex.StoryChanged(db, story.Id, now);
                }
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            // The revision check lost a race (the story's Revision moved, or revision basedOn + 1 exists by now), or the
            // slug was taken meanwhile. Either way the transaction is gone and nothing was stored.
            db.ChangeTracker.Clear();
            var latest = await db.Articles.Where(a => a.Id == id).Select(a => a.Revision).FirstAsync(cancellationToken);
            if (latest != basedOn)
            {
                return Conflict(basedOn, latest);
            }
            if (await SlugTakenAsync(slug, id, cancellationToken))
            {
                return StoryOutcome.Invalid(Field.Slug, "Another story took this slug a moment ago; choose another.");
            }
            throw;
        }
        if (isPublic)
        {
            pages.StoryChanged(story.Id);
        }
        if (addedSection)
        {
            pages.SectionsChanged();
        }
        return new StoryOutcome(story);
    }

    private static StoryOutcome Conflict(int basedOn, int latest) => new(
        null,
        StoryRefusal.RevisionConflict,
        $"Someone saved this story (revision {latest}) after the revision you started from ({basedOn}). Nothing was saved: compare the changes, then edit the latest revision.",
        LatestRevision: latest);

    private static StorySnapshot Snapshot(Fields fields, string slug, int sectionId) => new(
        fields.Headline, fields.Standfirst, slug, sectionId, fields.Tags, fields.WriterIds, fields.Language, fields.Body,
        fields.Type, fields.Source, fields.DisclaimerMode, fields.DisclaimerText, fields.CommentsOpen, fields.LeadImageId);

    /// <summary>
    /// The checks that need the database, adding to <paramref name="errors"/>. Returns the section's id when it exists
    /// already (a new section's is known only once it is added, inside the save's transaction).
    /// </summary>
    private async Task<int?> CheckAsync(Fields fields, Article? story, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        int? sectionId = null;
        if (fields.NewSectionSlug is { } newSlug)
        {
            if (!StoryAccess.CanAddSection(user))
            {
                errors[Field.NewSection] = "Only editors add sections; choose one of the existing sections.";
            }
            sectionId = await db.Sections.Where(s => s.Slug == newSlug).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        }
        else if (!await db.Sections.AnyAsync(s => s.Id == fields.SectionId, cancellationToken))
        {
            errors[Field.Section] = "Choose one of the sections.";
        }
        else
        {
            sectionId = fields.SectionId;
        }

        var writerIds = fields.WriterIds.ToList();
        if (writerIds.Count > 0 && await db.Writers.CountAsync(w => writerIds.Contains(w.Id), cancellationToken) != writerIds.Count)
        {
            errors[Field.Writers] = "Choose writers from the list.";
        }
        if (fields.LeadImageId is { } imageId && !await db.Images.AnyAsync(i => i.Id == imageId, cancellationToken))
        {
            errors[Field.LeadImage] = "Choose one of the uploaded images, or none.";
        }

        if (fields.Slug is { } slug && slug != story?.Slug)
        {
            if (story is not null && !StoryAccess.CanChangeSlug(story))
            {
                errors[Field.Slug] = $"This story has been published at “{story.Slug}”, and its slug can no longer change: links to it would break.";
            }
            else if (await SlugTakenAsync(slug, story?.Id, cancellationToken))
            {
                errors[Field.Slug] = "Another story uses this slug; choose another.";
            }
        }
        return sectionId;
    }

    private async Task<(int? Id, bool Added)> EnsureSectionAsync(Fields fields, int? sectionId, CancellationToken cancellationToken)
    {
        if (sectionId is not null || fields.NewSectionName is null)
        {
            return (sectionId, false);
        }
        var section = new Section { Name = fields.NewSectionName, Slug = fields.NewSectionSlug! };
        db.Sections.Add(section);
        await db.SaveChangesAsync(cancellationToken);
        return (section.Id, true);
    }

    private Task<bool> SlugTakenAsync(string slug, int? exceptId, CancellationToken cancellationToken) =>
        db.Articles.AnyAsync(a => a.Slug == slug && a.Id != exceptId, cancellationToken);

    /// <summary>A slug derived from the headline, made unique with a number when another story has it.</summary>
    private async Task<string> FreeSlugAsync(string slug, CancellationToken cancellationToken)
    {
        var taken = await db.Articles.Where(a => a.Slug == slug || a.Slug.StartsWith(slug + "-")).Select(a => a.Slug).ToListAsync(cancellationToken);
        if (!taken.Contains(slug))
        {
            return slug;
        }
        for (var n = 2; ; n++)
        {
            var candidate = $"{slug}-{n}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
