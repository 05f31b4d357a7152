using System.Text.RegularExpressions;

namespace Byline.Bench.Anchoring.Corpus;

/// <summary>
/// Byline's demo stories as plain text: the Markdown body with its syntax stripped, which approximates the text
/// content of the rendered story body closely enough for anchoring (paragraphs stay blank-line separated).
/// </summary>
internal static partial class DemoStories
{
    public static IReadOnlyList<SourceText> Load(string directory) =>
        [.. Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal)
            .Select(path => new SourceText(Path.GetFileNameWithoutExtension(path), Script.Latin, PlainText(File.ReadAllText(path))))];

    public static string PlainText(string markdown)
    {
        markdown = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (markdown.StartsWith("---\n", StringComparison.Ordinal))
            markdown = markdown[(markdown.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];
        var paragraphs = new List<string>();
        foreach (var block in markdown.Split("\n\n"))
        {
            var lines = block.Split('\n').Select(StripLine).Where(l => l.Length > 0);
            var paragraph = string.Join(" ", lines);
            if (paragraph.Length > 0)
                paragraphs.Add(paragraph);
        }
        return string.Join("\n\n", paragraphs);
    }

    private static string StripLine(string line)
    {
        line = Image().Replace(line, "");
        line = Link().Replace(line, "$1");
        line = LinePrefix().Replace(line, "");
        line = Emphasis().Replace(line, "");
        return line.Trim();
    }

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^\s*(#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)+")]
    private static partial Regex LinePrefix();

    [GeneratedRegex(@"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")]
    private static partial Regex Emphasis();
}
