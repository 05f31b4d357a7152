namespace Byline.Data.Articles;

/// <summary>One writer credited on a story; <see cref="Position"/> keeps the credited order.</summary>
public sealed class ArticleByline
{
    public int ArticleId { get; set; }
    public int WriterId { get; set; }
    public Writer Writer { get; set; } = null!;
    public int Position { get; set; }
}
