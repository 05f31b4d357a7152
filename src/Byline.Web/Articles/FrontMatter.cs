using System.Globalization;
using System.Text.RegularExpressions;
using Byline.Data.Articles;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Byline.Web.Articles;

/// <summary>
/// Parses a Markdown story with YAML front matter — the format writers and static-site users already know.
/// Every problem names its key, so a writer can fix the file without reading code.
/// </summary>
public static partial class FrontMatter
{
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        "headline", "slug", "standfirst", "writer", "writers", "published", "updated", "section", "tags",
        "language", "source", "disclaimer", "comments",
    };

    public static (StoryDocument? Story, IReadOnlyList<string> Errors) Parse(string text)
    {
        var errors = new List<string>();
        if (!TrySplit(text, out var yaml, out var body))
        {
            return (null, ["the file must start with a front matter block between two '---' lines"]);
        }

        YamlMappingNode map;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return (null, ["the front matter must be a set of 'key: value' lines"]);
            }
            map = root;
        }
        catch (YamlException ex)
        {
            return (null, [$"the front matter is not valid YAML (line {ex.Start.Line}): {ex.InnerException?.Message ?? ex.Message}"]);
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!Keys.Contains(key))
            {
                errors.Add($"unknown key '{key}' (known keys: {string.Join(", ", Keys)})");
                continue;
            }
            values[key] = valueNode;
        }

        var headline = RequiredText(values, "headline", 300, errors);
        var standfirst = OptionalText(values, "standfirst", 1000, errors);

        string? slug = OptionalText(values, "slug", 200, errors);
        if (slug is not null && !Slugs.IsValid(slug))
        {
            errors.Add("slug: use lowercase letters, digits and single hyphens, e.g. 'summit-ends-without-deal'");
        }
        slug ??= headline is null ? null : Slugs.From(headline);
        if (headline is not null && string.IsNullOrEmpty(slug))
        {
            errors.Add("slug: cannot be derived from the headline; give one");
        }

        var writers = TextList(values.ContainsKey("writers") ? "writers" : "writer", values, errors, 120);
        if (writers.Count == 0)
        {
            errors.Add("writer: give the writer's name, or a list of names for several bylines");
        }

        var published = Instant(values, "published", errors, required: true);
        var updated = Instant(values, "updated", errors, required: false);
        if (published is { } p && updated is { } u && u < p)
        {
            errors.Add("updated: must not be earlier than 'published'");
        }

        var sectionName = RequiredText(values, "section", 120, errors);
        var sectionSlug = sectionName is null ? null : Slugs.From(sectionName);
        if (sectionName is not null && (string.IsNullOrEmpty(sectionSlug) || Slugs.Reserved.Contains(sectionSlug)))
        {
            errors.Add($"section: '{sectionName}' cannot be used as a section name");
        }
        if (sectionName is not null && sectionName == sectionSlug)
        {
            sectionName = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(sectionName.Replace('-', ' '));
        }

        var tags = TextList("tags", values, errors, 60).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();

        var language = OptionalText(values, "language", 35, errors) ?? "en";
        if (!LanguageTag().IsMatch(language))
        {
            errors.Add($"language: '{language}' is not a BCP 47 language tag such as 'en' or 'zh-Hans'");
        }

        var source = Source(values, errors);
        var (disclaimerMode, disclaimerText) = Disclaimer(values, errors);
        var commentsOpen = CommentsOpen(values, errors);

        var markdown = body.Trim('\n', '\r', ' ');
        if (markdown.Length == 0)
        {
            errors.Add("the story has no body after the front matter");
        }
        else if (!ArticleRenderer.CanRender(markdown))
        {
            errors.Add("the story's body nests quotes, lists or brackets too deeply to render");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new StoryDocument
        {
            Headline = headline!,
            Slug = slug!,
            Standfirst = standfirst,
            Writers = writers,
            Published = published!.Value,
            Updated = updated,
            SectionName = sectionName!,
            SectionSlug = sectionSlug!,
            Tags = tags,
            Language = language,
            Source = source,
            DisclaimerMode = disclaimerMode,
            DisclaimerText = disclaimerText,
            CommentsOpen = commentsOpen,
            Body = markdown + "\n",
        }, []);
    }

    private static bool TrySplit(string text, out string yaml, out string body)
    {
        yaml = body = "";
        var normalized = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalized.StartsWith("---\n", StringComparison.Ordinal))
        {
            return false;
        }
        var lines = normalized.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                yaml = string.Join('\n', lines[1..i]);
                body = string.Join('\n', lines[(i + 1)..]);
                return true;
            }
        }
        return false;
    }

    private static string? Scalar(Dictionary<string, YamlNode> values, string key, List<string> errors)
    {
        if (!values.TryGetValue(key, out var node))
        {
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            errors.Add($"{key}: expected a single value, not a list or a map");
            return null;
        }
        return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
    }

    private static string? RequiredText(Dictionary<string, YamlNode> values, string key, int maxLength, List<string> errors)
    {
        var value = OptionalText(values, key, maxLength, errors);
        if (value is null && !errors.Exists(e => e.StartsWith(key + ":", StringComparison.Ordinal)))
        {
            errors.Add($"{key}: is required");
        }
        return value;
    }

    private static string? OptionalText(Dictionary<string, YamlNode> values, string key, int maxLength, List<string> errors)
    {
        var value = Scalar(values, key, errors);
        if (value is not null && value.Length > maxLength)
        {
            errors.Add($"{key}: is longer than {maxLength} characters");
            return null;
        }
        return value;
    }

    private static List<string> TextList(string key, Dictionary<string, YamlNode> values, List<string> errors, int maxLength)
    {
        if (!values.TryGetValue(key, out var node))
        {
            return [];
        }
        var items = node switch
        {
            YamlSequenceNode sequence => sequence.Children.Select(c => (c as YamlScalarNode)?.Value).ToList(),
            YamlScalarNode scalar when key == "tags" => (scalar.Value ?? "").Split(',').Select(t => (string?)t).ToList(),
            YamlScalarNode scalar => [scalar.Value],
            _ => [null],
        };
        if (items.Exists(i => i is null))
        {
            errors.Add($"{key}: expected a name or a list of names");
            return [];
        }
        var result = items.Select(i => i!.Trim()).Where(i => i.Length > 0).ToList();
        if (result.Exists(i => i.Length > maxLength))
        {
            errors.Add($"{key}: an entry is longer than {maxLength} characters");
            return [];
        }
        return result;
    }

    private static DateTimeOffset? Instant(Dictionary<string, YamlNode> values, string key, List<string> errors, bool required)
    {
        var raw = Scalar(values, key, errors);
        if (raw is null)
        {
            if (required && values.ContainsKey(key) is false)
            {
                errors.Add($"{key}: is required (ISO 8601, e.g. 2026-11-20T09:30:00Z)");
            }
            return null;
        }
        // A time without an offset is read as UTC, the zone everything is stored in.
        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            && IsoLike().IsMatch(raw))
        {
            return instant.ToUniversalTime();
        }
        errors.Add($"{key}: '{raw}' is not an ISO 8601 date and time, e.g. 2026-11-20T09:30:00Z");
        return null;
    }

    private static (DisclaimerMode, string?) Disclaimer(Dictionary<string, YamlNode> values, List<string> errors)
    {
        var text = OptionalText(values, "disclaimer", 2000, errors);
        return text switch
        {
            null => (DisclaimerMode.SiteDefault, null),
            _ when text.Equals("none", StringComparison.OrdinalIgnoreCase) => (DisclaimerMode.None, null),
            _ when text.Equals("default", StringComparison.OrdinalIgnoreCase) => (DisclaimerMode.SiteDefault, null),
            _ => (DisclaimerMode.Custom, text),
        };
    }

    private static bool CommentsOpen(Dictionary<string, YamlNode> values, List<string> errors)
    {
        var text = Scalar(values, "comments", errors);
        switch (text?.ToLowerInvariant())
        {
            case null or "open" or "true" or "yes" or "on":
                return true;
            case "closed" or "false" or "no" or "off":
                return false;
            default:
                errors.Add($"comments: '{text}' must be 'open' or 'closed'");
                return true;
        }
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoLike();
}
