namespace Byline.Bench.Anchoring.Corpus;

internal enum Script { Latin, Cjk, Arabic, Emoji, Mixed }

/// <summary>A body text the generator edits: its plain text (paragraphs separated by a blank line) and its script.</summary>
internal sealed record SourceText(string Name, Script Script, string Text)
{
    public string Text { get; } = Normalize(Text);

    // Raw string literals keep the indentation-free lines; paragraphs are blank-line separated, as in the DOM's text.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
