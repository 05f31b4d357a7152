using System.Globalization;
using Byline.Data.Articles;
using Byline.Web.Comments;

namespace Byline.Web.Newsroom;

/// <summary>
/// The words of a public correction, update or clarification. They are plain text, one paragraph: a correction must
/// say exactly what was wrong in words every reader and every feed shows the same way, so there is no markup to
/// render, sanitize or get wrong (Razor encodes the text on every page; the JSON API returns it as it is).
/// </summary>
public static class CorrectionText
{
    /// <summary>In UTF-16 code units, as the column stores it on both databases.</summary>
    public const int MaxLength = 4000;

    public static readonly IReadOnlyList<CorrectionKind> Kinds = [CorrectionKind.Correction, CorrectionKind.Update, CorrectionKind.Clarification];

    /// <summary>How the entry opens on the story page: "Corrected Mar. 25, 2021: …".</summary>
    public static string Label(CorrectionKind kind) => kind switch
    {
        CorrectionKind.Update => "Updated",
        CorrectionKind.Clarification => "Clarified",
        _ => "Corrected",
    };

    /// <summary>The stable name scripts read in the JSON API.</summary>
    public static string Code(CorrectionKind kind) => kind switch
    {
        CorrectionKind.Update => "update",
        CorrectionKind.Clarification => "clarification",
        _ => "correction",
    };

    /// <summary>A kind by its name as the form sends it ("Correction", "Update", "Clarification"); numbers are not names.</summary>
    public static CorrectionKind? ParseKind(string? value) =>
        Kinds.Cast<CorrectionKind?>().FirstOrDefault(k => string.Equals(k.ToString(), value?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The text as stored (cleaned: NFC, no controls, one line), or why it cannot be.</summary>
    public static (string Text, string? Error) Clean(string? raw)
    {
        var (text, problem) = TextInput.CleanSingleLine(raw);
        if (problem != TextInput.Problem.None)
        {
            return ("", "The text contains characters that are not valid text. Please retype it.");
        }
        if (text.Length == 0)
        {
            return ("", "Write what was corrected, updated or clarified.");
        }
        if (text.Length > MaxLength)
        {
            return ("", string.Create(CultureInfo.InvariantCulture, $"The text is {text.Length:N0} characters long; the most is {MaxLength:N0}."));
        }
        return (text, null);
    }
}
