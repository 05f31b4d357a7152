using System.Globalization;
using System.Text.RegularExpressions;
using Byline.Data.Articles;
using Byline.Web.Articles;
using Byline.Web.Comments;

namespace Byline.Web.Newsroom;

/// <summary>
/// What makes story content acceptable, pure: cleans every field of a <see cref="StoryInput"/> (NFC, no controls, see
/// <see cref="TextInput"/>) and names every problem by field, so a form shows each error next to its field and the API
/// returns them all at once. What needs the database (does the section exist, is the slug free) is checked by
/// <see cref="StoryEditor"/>.
/// </summary>
public static partial class StoryRules
{
    public const int MaxHeadline = 300;
    public const int MaxStandfirst = 1000;
    public const int MaxBody = 100_000;
    public const int MaxTags = 20;
    public const int MaxTag = 60;
    public const int MaxBylines = 8;
    public const int MaxSectionName = 120;
    public const int MaxDisclaimer = 2000;
    public const int MaxNote = 500;
    public const int MaxReason = 1000;

    /// <summary>The field names errors are keyed by: the JSON property names of <see cref="StoryInput"/>.</summary>
    public static class Field
    {
        public const string Headline = "headline";
        public const string Standfirst = "standfirst";
        public const string Slug = "slug";
        public const string Section = "sectionId";
        public const string NewSection = "newSection";
        public const string Tags = "tags";
        public const string Writers = "writerIds";
        public const string Language = "language";
        public const string Type = "type";
        public const string Body = "body";
        public const string SourceOutlet = "source.outlet";
        public const string SourceTitle = "source.title";
        public const string SourceDate = "source.date";
        public const string SourceUrl = "source.url";
        public const string Disclaimer = "disclaimer";
        public const string DisclaimerText = "disclaimerText";
        public const string LeadImage = "leadImageId";
        public const string Note = "note";
        public const string Revision = "revision";
        public const string PublishAt = "publishAt";
        public const string Reason = "reason";
    }

    /// <summary>The cleaned values; the section, writers, image and slug are still to be checked against the database.</summary>
    public sealed record Fields(
        string Headline,
        string? Standfirst,
        string? Slug,
        int? SectionId,
        string? NewSectionName,
        IReadOnlyList<string> Tags,
        IReadOnlyList<int> WriterIds,
        string Language,
        ArticleType Type,
        string Body,
        SourceCitation? Source,
        DisclaimerMode DisclaimerMode,
        string? DisclaimerText,
        bool CommentsOpen,
        int? LeadImageId,
        string? Note)
    {
        public string? NewSectionSlug => NewSectionName is null ? null : Slugs.From(NewSectionName);
    }

    public static (Fields? Fields, Dictionary<string, string> Errors) Read(StoryInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);

        var headline = Line(input.Headline, Field.Headline, "The headline", MaxHeadline, errors);
        if (headline is null && !errors.ContainsKey(Field.Headline))
        {
            errors[Field.Headline] = "Write a headline.";
        }
        var standfirst = Line(input.Standfirst, Field.Standfirst, "The standfirst", MaxStandfirst, errors);

        var slug = Line(input.Slug, Field.Slug, "The slug", 200, errors);
        if (slug is not null && !Slugs.IsValid(slug))
        {
            errors[Field.Slug] = "Use lowercase letters, digits and single hyphens, e.g. “summit-ends-without-deal”, or leave it empty to derive it from the headline.";
        }
        else if (slug is null && headline is not null && Slugs.From(headline).Length == 0)
        {
            errors[Field.Slug] = "No slug can be derived from this headline: write one.";
        }

        var newSection = Line(input.NewSection, Field.NewSection, "The section name", MaxSectionName, errors);
        if (newSection is not null && Slugs.From(newSection) is var sectionSlug && (sectionSlug.Length == 0 || Slugs.Reserved.Contains(sectionSlug)))
        {
            errors[Field.NewSection] = $"“{newSection}” cannot be a section name: the site uses that address for something else.";
        }
        if (newSection is null && input.SectionId is null)
        {
            errors[Field.Section] = "Choose a section.";
        }

        var tags = Tags(input.Tags, errors);
        var writerIds = input.WriterIds ?? [];
        if (writerIds.Count > MaxBylines)
        {
            errors[Field.Writers] = $"Credit at most {MaxBylines} writers.";
        }
        else if (writerIds.Distinct().Count() != writerIds.Count)
        {
            errors[Field.Writers] = "Each writer can be credited once.";
        }

        var language = Line(input.Language, Field.Language, "The language", 35, errors) ?? "en";
        if (!errors.ContainsKey(Field.Language) && !IsLanguageTag(language))
        {
            errors[Field.Language] = $"“{language}” is not a BCP 47 language tag such as “en”, “pt-BR” or “zh-Hans”.";
        }

        var type = ArticleType.News;
        var typeText = Line(input.Type, Field.Type, "The article type", 20, errors);
        if (typeText is not null && !TryParseType(typeText, out type))
        {
            errors[Field.Type] = "Choose News, Analysis, Opinion or Explainer.";
        }

        var (body, bodyProblem) = TextInput.CleanMultiline(input.Body);
        if (bodyProblem != TextInput.Problem.None)
        {
            errors[Field.Body] = "The body contains text that is not valid Unicode.";
        }
        else if (body.Length == 0)
        {
            errors[Field.Body] = "Write the story.";
        }
        else if (body.Length > MaxBody * 4 || TextInput.CountCharacters(body) > MaxBody)
        {
            errors[Field.Body] = $"The body is longer than {MaxBody:N0} characters.";
        }
        else if (!ArticleRenderer.CanRender(body))
        {
            errors[Field.Body] = "The body nests quotes, lists or brackets too deeply to render.";
        }

        var source = Source(input.Source, errors);
        var (disclaimerMode, disclaimerText) = Disclaimer(input, errors);
        var note = Line(input.Note, Field.Note, "The note", MaxNote, errors);

        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new Fields(headline!, standfirst, slug, input.SectionId, newSection, tags, writerIds, language, type, body,
            source, disclaimerMode, disclaimerText, input.CommentsOpen ?? true, input.LeadImageId, note), errors);
    }

    public static bool IsLanguageTag(string text) => LanguageTag().IsMatch(text);

    public static bool TryParseType(string text, out ArticleType type) =>
        Enum.TryParse(text, ignoreCase: true, out type) && Enum.IsDefined(type) && !char.IsAsciiDigit(text[0]);

    /// <summary>The reason an editor gives for unpublishing: required, kept in the newsroom and the audit log only.</summary>
    public static (string? Reason, string? Error) Reason(string? raw)
    {
        var (reason, problem) = TextInput.CleanMultiline(raw);
        return problem != TextInput.Problem.None ? (null, "The reason contains text that is not valid Unicode.")
            : reason.Length == 0 ? (null, "Say why the story is unpublished (readers never see this).")
            : TextInput.IsLongerThan(reason, MaxReason) ? (null, $"Keep the reason under {MaxReason:N0} characters.")
            : (reason, null);
    }

    /// <summary>One line of text: null when empty, or an error when it is not valid or too long.</summary>
    private static string? Line(string? raw, string field, string what, int max, Dictionary<string, string> errors)
    {
        var (text, problem) = TextInput.CleanSingleLine(raw);
        if (problem != TextInput.Problem.None)
        {
            errors[field] = $"{what} contains text that is not valid Unicode.";
            return null;
        }
        if (TextInput.IsLongerThan(text, max))
        {
            errors[field] = $"{what} is longer than {max:N0} characters.";
            return null;
        }
        return text.Length == 0 ? null : text;
    }

    private static List<string> Tags(IReadOnlyList<string>? raw, Dictionary<string, string> errors)
    {
        var tags = new List<string>();
        foreach (var item in raw ?? [])
        {
            var tag = Line(item, Field.Tags, "A tag", MaxTag, errors);
            if (errors.ContainsKey(Field.Tags))
            {
                return [];
            }
            if (tag is not null && !tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }
        if (tags.Count > MaxTags)
        {
            errors[Field.Tags] = $"Use at most {MaxTags} tags.";
        }
        return tags;
    }

    /// <summary>The citation, or null (with errors added) when it is incomplete or wrong; null without errors when empty.</summary>
    public static SourceCitation? Source(SourceInput? input, Dictionary<string, string> errors)
    {
        if (input is null || input.IsEmpty)
        {
            return null;
        }
        // All or nothing: a citation without its outlet, title or date would mislead readers.
        var before = errors.Count;
        var outlet = Line(input.Outlet, Field.SourceOutlet, "The outlet", 200, errors);
        if (outlet is null && !errors.ContainsKey(Field.SourceOutlet))
        {
            errors[Field.SourceOutlet] = "Name the outlet, or clear the whole citation.";
        }
        var title = Line(input.Title, Field.SourceTitle, "The original title", 500, errors);
        if (title is null && !errors.ContainsKey(Field.SourceTitle))
        {
            errors[Field.SourceTitle] = "Give the original title, or clear the whole citation.";
        }
        var dateText = Line(input.Date, Field.SourceDate, "The date", 20, errors);
        DateOnly date = default;
        if (dateText is null && !errors.ContainsKey(Field.SourceDate))
        {
            errors[Field.SourceDate] = "Give the original date, or clear the whole citation.";
        }
        else if (dateText is not null && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors[Field.SourceDate] = $"“{dateText}” is not a date like 2026-11-19.";
        }
        var url = Line(input.Url, Field.SourceUrl, "The URL", 2000, errors);
        if (url is not null && !CitationFormatter.IsWebUrl(url))
        {
            errors[Field.SourceUrl] = "Give a full web address starting with https:// or http://.";
        }
        return errors.Count > before ? null : new SourceCitation { Outlet = outlet!, OriginalTitle = title!, OriginalDate = date, Url = url };
    }

    public static (DisclaimerMode Mode, string? Text) Disclaimer(StoryInput input, Dictionary<string, string> errors)
    {
        var mode = Line(input.Disclaimer, Field.Disclaimer, "The disclaimer choice", 20, errors)?.ToLowerInvariant();
        switch (mode)
        {
            case null or "default" or "site-default" or "sitedefault":
                return (DisclaimerMode.SiteDefault, null);
            case "none":
                return (DisclaimerMode.None, null);
            case "custom":
                var text = Line(input.DisclaimerText, Field.DisclaimerText, "The disclaimer", MaxDisclaimer, errors);
                if (text is null && !errors.ContainsKey(Field.DisclaimerText))
                {
                    errors[Field.DisclaimerText] = "Write the disclaimer, or choose the site's default or none.";
                }
                return (DisclaimerMode.Custom, text);
            default:
                errors[Field.Disclaimer] = "Choose the site's default disclaimer, a custom one, or none.";
                return (DisclaimerMode.SiteDefault, null);
        }
    }

    // BCP 47 language tags as newsrooms use them: language, optional script, region and variants.
    [GeneratedRegex(@"^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
