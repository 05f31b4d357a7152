using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Accounts;
using Byline.Web.Articles;
using Byline.Web.Comments;
using Byline.Web.Media;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Newsroom;

/// <summary>
/// A story as readers would see it, from unsaved editor input: rendered by the public page's own partial and
/// <see cref="ArticleRenderer"/>. It is forgiving where saving is strict: whatever is not valid yet is left out,
/// so the writer sees their text while they type.
/// </summary>
public sealed class StoryPreview(BylineDbContext db, CurrentUser user, ArticleRenderer renderer)
{
    public async Task<Article> BuildAsync(StoryInput input, CancellationToken cancellationToken)
    {
        var (headline, _) = TextInput.CleanSingleLine(input.Headline);
        var (standfirst, _) = TextInput.CleanSingleLine(input.Standfirst);
        var (body, _) = TextInput.CleanMultiline(input.Body);
        var (language, _) = TextInput.CleanSingleLine(input.Language);
        var scratch = new Dictionary<string, string>(StringComparer.Ordinal);
        var (disclaimerMode, disclaimerText) = StoryRules.Disclaimer(input, scratch);
        var source = StoryRules.Source(input.Source, scratch);

        var story = new Article
        {
            Slug = "preview",
            Headline = headline.Length == 0 ? "Untitled story" : headline,
            Standfirst = standfirst.Length == 0 ? null : standfirst,
            BodyMarkdown = body,
            BodyHtml = body.Length == 0 ? ""
                : ArticleRenderer.CanRender(body) ? renderer.Render(body)
                : "<p>The body nests quotes, lists or brackets too deeply to render.</p>",
            Language = StoryRules.IsLanguageTag(language) ? language : "en",
            Type = StoryRules.TryParseType(input.Type ?? "", out var type) ? type : ArticleType.News,
            Source = source,
            DisclaimerMode = disclaimerMode,
            DisclaimerText = disclaimerText,
            Tags = [.. (input.Tags ?? []).Select(t => TextInput.CleanSingleLine(t).Text).Where(t => t.Length > 0).Distinct()],
            Section = await SectionAsync(input, cancellationToken),
        };

        var writerIds = input.WriterIds is { Count: > 0 } ids ? ids.Distinct().ToList()
            : user.WriterId is { } own ? [own] : [];
        var writers = await db.Writers.AsNoTracking().Where(w => writerIds.Contains(w.Id)).ToListAsync(cancellationToken);
        foreach (var writer in writerIds.Select(id => writers.Find(w => w.Id == id)).OfType<Writer>())
        {
            story.Bylines.Add(new ArticleByline { Writer = writer, WriterId = writer.Id, Position = story.Bylines.Count });
        }
        return story;
    }

    /// <summary>The chosen lead image as the public page shows it; none when nothing, or an image since deleted, is chosen.</summary>
    public Task<LeadImage?> LeadImageAsync(StoryInput input, CancellationToken cancellationToken) =>
        input.LeadImageId is { } imageId ? LeadImage.FindAsync(db, imageId, cancellationToken) : Task.FromResult<LeadImage?>(null);

    private async Task<Section> SectionAsync(StoryInput input, CancellationToken cancellationToken)
    {
        var (newName, _) = TextInput.CleanSingleLine(input.NewSection);
        if (newName.Length > 0)
        {
            return new Section { Name = newName, Slug = Slugs.From(newName) };
        }
        return await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.SectionId, cancellationToken)
            ?? new Section { Name = "No section yet", Slug = "" };
    }
}
