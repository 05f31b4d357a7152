namespace Byline.Data.Articles;

public sealed class Section
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
}
