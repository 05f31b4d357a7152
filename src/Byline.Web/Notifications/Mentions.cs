namespace Byline.Web.Notifications;

/// <summary>
/// Finds who a comment @mentions. The syntax is "@" followed by a commenter's display name exactly as shown on the
/// story (case-insensitive), ended by the end of the text or by a character that cannot continue a name (not a letter,
/// digit, '_' or '-'): "@Mara Quist, you said…". Names may hold spaces, so there is no token to cut at; instead every
/// candidate (an account that commented on the same story) is tried at each '@', and the longest name that fits wins,
/// so "@Ann Lee" mentions Ann Lee and not also an "Ann". A name that only begins a longer word ("@Annabel") is not a
/// mention of "Ann".
/// </summary>
public static class Mentions
{
    public sealed record Candidate(string UserId, string DisplayName);

    public static IReadOnlySet<string> Find(string text, IReadOnlyCollection<Candidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(candidates);
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (candidates.Count == 0)
        {
            return found;
        }
        var byLength = candidates.Where(c => c.DisplayName.Trim().Length > 0)
            .OrderByDescending(c => c.DisplayName.Length).ToList();
        for (var at = text.IndexOf('@', StringComparison.Ordinal); at >= 0; at = text.IndexOf('@', at + 1))
        {
            // An email address ("ann@example.com") is not a mention.
            if (at > 0 && IsNameChar(text[at - 1]))
            {
                continue;
            }
            var start = at + 1;
            var matched = -1;
            foreach (var candidate in byLength)
            {
                var name = candidate.DisplayName;
                if (name.Length < matched)
                {
                    // Two accounts may share a name: both are mentioned; a shorter name inside it is not.
                    break;
                }
                var end = start + name.Length;
                if (end <= text.Length
                    && string.Compare(text, start, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (end == text.Length || !IsNameChar(text[end])))
                {
                    found.Add(candidate.UserId);
                    matched = name.Length;
                }
            }
        }
        return found;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';
}
