namespace Byline.Data.Search;

/// <summary>
/// One searchable thing: a published story (<see cref="CommentId"/> null) or an approved comment, as folded terms
/// (lower case, accents and Arabic marks removed, CJK text as characters and character pairs). The engines index
/// these texts: SQLite's FTS5 table follows this one through triggers, PostgreSQL derives a tsvector column from it.
/// Rows are written by the search indexer from the outbox; queries still check visibility on the source rows.
/// </summary>
public sealed class SearchDocument
{
    /// <summary>Set by the indexer, in date order (<c>SearchDocumentKeys</c>), so that SQLite's index walks by date.</summary>
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public long? CommentId { get; set; }
    public int SectionId { get; set; }

    /// <summary>The story's first publication, or when the comment was posted: the date filter and "newest" order.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Weighs most: a story's headline, standfirst, tags and bylines; empty for a comment.</summary>
    public required string Title { get; set; }

    /// <summary>A story's body or a comment's text.</summary>
    public required string Body { get; set; }

    /// <summary>Filter tokens that no folded word can equal (they start with a digit and a letter): kind, section, writers.</summary>
    public required string Facets { get; set; }
}
