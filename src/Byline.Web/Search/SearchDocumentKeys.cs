namespace Byline.Web.Search;

/// <summary>
/// A <see cref="Byline.Data.Search.SearchDocument"/>'s id is its date: the minute of its <c>At</c> in the high bits,
/// then its kind and its story's or comment's id. FTS5 reads its matches in id order and stops at a LIMIT, so on
/// SQLite "newest first", a date range and "the latest matches" are a walk down the index that ends after a page;
/// ordering by a date column instead meant reading every match (half a second for a common word at a million
/// documents). Unique while a minute has fewer than 2^29 (537 million) stories or comments whose ids agree in
/// their low 29 bits.
/// </summary>
public static class SearchDocumentKeys
{
    private const int KindShift = 29;
    private const int MinuteShift = 30;
    private const long SourceMask = (1L << KindShift) - 1;

    /// <summary>Minutes since the year 1 need 33 bits until 9999: the key fits a signed 64-bit integer and is never negative.</summary>
    public static long Story(DateTimeOffset at, int articleId) => MinuteStart(at) | (1L << KindShift) | (articleId & SourceMask);

    public static long Comment(DateTimeOffset at, long commentId) => MinuteStart(at) | (commentId & SourceMask);

    /// <summary>The smallest key of a document dated in the minute of <paramref name="at"/>; whole-minute bounds are exact.</summary>
    public static long MinuteStart(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMinute << MinuteShift;
}
