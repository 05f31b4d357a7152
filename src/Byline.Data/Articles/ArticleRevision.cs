namespace Byline.Data.Articles;

/// <summary>
/// An immutable snapshot written by every save. <see cref="Fields"/> holds the story's editable metadata as JSON, so a
/// revision can be restored whole; the body and headline are columns because diffs read them.
/// </summary>
public sealed class ArticleRevision
{
    public long Id { get; set; }
    public int ArticleId { get; set; }

    /// <summary>1, 2, 3… per story, in save order.</summary>
    public int Number { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public string? Note { get; set; }
    public required string Headline { get; set; }
    public string? Standfirst { get; set; }
    public required string BodyMarkdown { get; set; }

    /// <summary>
    /// The text content of the rendered body, which passage offsets count in. Kept because the same Markdown may render
    /// differently in a later version of Byline; null for revisions written before inline feedback existed.
    /// </summary>
    public string? BodyText { get; set; }
    public required string Fields { get; set; }
}
