using Byline.Core.Search;

namespace Byline.Web.Search;

/// <summary>One result: a story, or a comment under a story, with the passage that matched.</summary>
public sealed record SearchHit(
    SearchKind Kind,
    string Headline,
    string StoryPath,
    string Path,
    string SectionName,
    string SectionPath,
    DateTimeOffset At,
    IReadOnlyList<SearchHit.Byline> Writers,
    string Language,
    SearchSnippet Snippet,
    long? CommentId = null,
    string? CommentAuthor = null)
{
    public sealed record Byline(string Name, string Path);
}

/// <summary>A page of results, best first; <see cref="HasMore"/> when the next page has some.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Page, bool HasMore);
