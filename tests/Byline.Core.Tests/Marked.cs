namespace Byline.Core.Tests;

/// <summary>Texts in tests mark a passage with [[ and ]], so a table row shows the passage where it is.</summary>
internal static class Marked
{
    public static (string Text, int Start, int End) Parse(string marked)
    {
        var start = marked.IndexOf("[[", StringComparison.Ordinal);
        if (start < 0)
            return (marked, -1, -1);
        var end = marked.IndexOf("]]", start, StringComparison.Ordinal) - 2;
        return (marked.Replace("[[", "", StringComparison.Ordinal).Replace("]]", "", StringComparison.Ordinal), start, end);
    }

    public static Reanchored Reanchor(string oldMarked, string newText)
    {
        var (oldText, start, end) = Parse(oldMarked);
        return TextEdit.Between(oldText, newText).Reanchor(TextAnchors.At(oldText, start, end));
    }
}
