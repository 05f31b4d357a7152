using Byline.Core.Moderation;
using Byline.Data.Site;

namespace Byline.Web.Moderation;

/// <summary>The site's banned and suspect terms, compiled once per edit of the lists rather than once per comment.</summary>
public sealed class PolicyTerms
{
    private sealed record Compiled(string BannedText, string SuspectText, TermMatcher Banned, TermMatcher Suspect);

    private volatile Compiled? current;

    public (TermMatcher Banned, TermMatcher Suspect) For(SiteSettings site)
    {
        var compiled = current;
        if (compiled is null || compiled.BannedText != site.BannedWords || compiled.SuspectText != site.SuspectWords)
        {
            compiled = new Compiled(site.BannedWords, site.SuspectWords, TermMatcher.Compile(Lines(site.BannedWords)), TermMatcher.Compile(Lines(site.SuspectWords)));
            current = compiled;
        }
        return (compiled.Banned, compiled.Suspect);
    }

    public static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
