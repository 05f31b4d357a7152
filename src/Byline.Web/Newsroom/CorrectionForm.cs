namespace Byline.Web.Newsroom;

/// <summary>What the correction form posts. Both are checked by <see cref="CorrectionText"/>, never trusted.</summary>
public sealed class CorrectionForm
{
    public string? Kind { get; set; }
    public string? Text { get; set; }
}
