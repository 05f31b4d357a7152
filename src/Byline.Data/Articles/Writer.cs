namespace Byline.Data.Articles;

public sealed class Writer
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string DisplayName { get; set; }
    public string Bio { get; set; } = "";
}
