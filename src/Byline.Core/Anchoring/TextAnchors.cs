namespace Byline.Core.Anchoring;

/// <summary>Creating and locating passages in a text.</summary>
public static class TextAnchors
{
    public const int ContextLength = 32;
    public const int MaxQuoteLength = 1000;

    /// <summary>The anchor for text[start..end], with its prefix and suffix taken from the text.</summary>
    public static TextAnchor At(string text, int start, int end) => throw new NotImplementedException();

    /// <summary>
    /// Where <paramref name="exact"/> occurs in <paramref name="text"/>, choosing among several occurrences by how well
    /// the prefix/suffix context agree and by closeness to <paramref name="expectedStart"/>; null when it does not occur.
    /// </summary>
    public static (int Start, int End)? Find(string text, string exact, string? prefix, string? suffix, int? expectedStart) =>
        throw new NotImplementedException();
}
