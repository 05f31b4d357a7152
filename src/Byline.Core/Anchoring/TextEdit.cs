namespace Byline.Core.Anchoring;

/// <summary>
/// One edit of a text (old → new), computed once and used to re-anchor every passage of the old text.
/// </summary>
public sealed class TextEdit
{
    public static TextEdit Between(string oldText, string newText) => throw new NotImplementedException();

    public Reanchored Reanchor(TextAnchor anchor) => throw new NotImplementedException();
}
