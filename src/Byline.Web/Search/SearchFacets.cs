namespace Byline.Web.Search;

/// <summary>
/// Filter tokens stored in each document's Facets column. They start with a digit and a letter, which no folded word
/// of a query can ask for in that column anyway: queries only search the text columns.
/// </summary>
public static class SearchFacets
{
    public const string Story = "0kstory";
    public const string Comment = "0kcomment";

    public static string Section(int id) => $"0s{id}";

    public static string Writer(int id) => $"0w{id}";
}
