namespace Byline.Data.Comments;

/// <summary>
/// How many spam and ham (approved) training comments contained a feature: the classifier's whole model, updated by
/// moderators' decisions. The row <see cref="Documents"/> counts the training comments themselves.
/// </summary>
public sealed class ClassifierFeature
{
    /// <summary>The key of the row holding document counts; no extracted feature starts with '#'.</summary>
    public const string Documents = "#documents";

    public required string Feature { get; set; }
    public int Spam { get; set; }
    public int Ham { get; set; }
}
