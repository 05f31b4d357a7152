using System.Globalization;
using Byline.Data.Articles;
using YamlDotNet.RepresentationModel;

namespace Byline.Web.Articles;

/// <summary>The <c>source:</c> key: the report a story is based on.</summary>
public static partial class FrontMatter
{
    private static SourceCitation? Source(Dictionary<string, YamlNode> values, List<string> errors)
    {
        if (!values.TryGetValue("source", out var node))
        {
            return null;
        }
        if (node is not YamlMappingNode map)
        {
            errors.Add("source: expected keys outlet, title, date and optionally url");
            return null;
        }
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (name is "outlet" or "title" or "date" or "url")
            {
                fields[name] = v;
            }
            else
            {
                errors.Add($"source.{name}: unknown key (known: outlet, title, date, url)");
            }
        }
        var before = errors.Count;
        var outlet = Prefixed("source.", errors, e => RequiredText(fields, "outlet", 200, e));
        var title = Prefixed("source.", errors, e => RequiredText(fields, "title", 500, e));
        var dateText = Prefixed("source.", errors, e => RequiredText(fields, "date", 40, e));
        var url = Prefixed("source.", errors, e => OptionalText(fields, "url", 2000, e));
        DateOnly date = default;
        if (dateText is not null && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            if (DateTimeOffset.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && IsoLike().IsMatch(dateText))
            {
                date = DateOnly.FromDateTime(instant.UtcDateTime);
            }
            else
            {
                errors.Add($"source.date: '{dateText}' is not a date like 2026-11-19");
            }
        }
        if (url is not null && !CitationFormatter.IsWebUrl(url))
        {
            errors.Add($"source.url: '{url}' is not an absolute http(s) URL");
        }
        return errors.Count > before ? null : new SourceCitation { Outlet = outlet!, OriginalTitle = title!, OriginalDate = date, Url = url };
    }

    private static T Prefixed<T>(string prefix, List<string> errors, Func<List<string>, T> read)
    {
        var local = new List<string>();
        var value = read(local);
        errors.AddRange(local.Select(e => prefix + e));
        return value;
    }
}
