using Byline.Data;
using Byline.Data.Articles;
using Byline.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Newsroom;

/// <summary>
/// What changed between two revisions: word diffs of headline, standfirst and body, and the metadata fields whose
/// values differ, shown as people read them (names, not ids).
/// </summary>
public sealed record RevisionComparison(
    IReadOnlyList<WordDiff.Run> Headline,
    IReadOnlyList<WordDiff.Run> Standfirst,
    IReadOnlyList<WordDiff.Run> Body,
    IReadOnlyList<RevisionComparison.FieldChange> Fields,
    string Language)
{
    public sealed record FieldChange(string Name, string Before, string After);

    /// <summary>How ids in a snapshot read: section, writer and image names. An id that is gone reads as such.</summary>
    public sealed record Names(
        IReadOnlyDictionary<int, string> Sections,
        IReadOnlyDictionary<int, string> Writers,
        IReadOnlyDictionary<int, string> Images)
    {
        public string Section(int id) => Sections.TryGetValue(id, out var name) ? name : $"Section {id} (deleted)";

        public string Writer(int id) => Writers.TryGetValue(id, out var name) ? name : $"Writer {id} (deleted)";

        public string Image(int id) => Images.TryGetValue(id, out var alt) ? $"{alt} (image {id})" : $"Image {id} (deleted)";
    }

    public static async Task<RevisionComparison> BuildAsync(
        BylineDbContext db, ArticleRevision from, ArticleRevision to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var before = StorySnapshot.FromRevision(from);
        var after = StorySnapshot.FromRevision(to);
        int[] sectionIds = [before.SectionId, after.SectionId];
        int[] writerIds = [.. before.WriterIds.Concat(after.WriterIds).Distinct()];
        int[] imageIds = [.. new[] { before.LeadImageId, after.LeadImageId }.OfType<int>().Distinct()];
        var names = new Names(
            await db.Sections.AsNoTracking().Where(s => sectionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken),
            await db.Writers.AsNoTracking().Where(w => writerIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.DisplayName, cancellationToken),
            imageIds.Length == 0
                ? new Dictionary<int, string>()
                : await db.Images.AsNoTracking().Where(i => imageIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Alt, cancellationToken));
        return Of(before, after, names);
    }

    public static RevisionComparison Of(StorySnapshot before, StorySnapshot after, Names names)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(names);
        return new(
            WordDiff.Compare(before.Headline, after.Headline),
            WordDiff.Compare(before.Standfirst, after.Standfirst),
            WordDiff.Compare(before.BodyMarkdown, after.BodyMarkdown),
            FieldChanges(before, after, names),
            after.Language);
    }

    /// <summary>Every metadata field, in the editor's order, whose value differs.</summary>
    public static IReadOnlyList<FieldChange> FieldChanges(StorySnapshot before, StorySnapshot after, Names names)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(names);
        (string Name, Func<StorySnapshot, string> Show)[] fields =
        [
            ("Slug", s => s.Slug),
            ("Section", s => names.Section(s.SectionId)),
            ("Type", s => s.Type.ToString()),
            ("Bylines", s => s.WriterIds.Count == 0 ? "None" : string.Join(", ", s.WriterIds.Select(names.Writer))),
            ("Tags", s => s.Tags.Count == 0 ? "None" : string.Join(", ", s.Tags)),
            ("Language", s => s.Language),
            ("Source citation", s => s.Source is { } source ? Citation(source) : "None"),
            ("Disclaimer", s => Disclaimer(s.DisclaimerMode, s.DisclaimerText)),
            ("Comments", s => s.CommentsOpen ? "Open" : "Closed"),
            ("Lead image", s => s.LeadImageId is { } id ? names.Image(id) : "None"),
        ];
        return [.. fields
            .Select(f => new FieldChange(f.Name, f.Show(before), f.Show(after)))
            .Where(f => f.Before != f.After)];
    }

    public bool HasChanges =>
        WordDiff.HasChanges(Headline) || WordDiff.HasChanges(Standfirst) || WordDiff.HasChanges(Body) || Fields.Count > 0;

    private static string Citation(SourceCitation source) =>
        source.Url is null ? CitationFormatter.Text(source) : $"{CitationFormatter.Text(source)} <{source.Url}>";

    private static string Disclaimer(DisclaimerMode mode, string? text) => mode switch
    {
        DisclaimerMode.None => "None",
        DisclaimerMode.Custom => $"Custom: {text}",
        _ => "Site default",
    };
}
