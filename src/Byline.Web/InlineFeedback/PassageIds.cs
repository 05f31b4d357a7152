namespace Byline.Web.InlineFeedback;

/// <summary>The ids that link a highlighted passage, its list of feedback, and the feedback in the discussion.</summary>
public static class PassageIds
{
    /// <summary>A passage is known on a page by where it is in the current text.</summary>
    public static string Key(int start, int end) => $"{start}-{end}";

    public static string Highlight(string key) => "passage-" + key;

    public static string Feedback(string key) => "feedback-on-" + key;
}
