using System.Linq.Expressions;
using Byline.Data.Articles;
using Byline.Web.Articles;

namespace Byline.Web.Feeds;

/// <summary>
/// Which stories a feed carries: the whole site, one section, one writer's or one tag's. <see cref="Key"/> names the
/// scope in the feed's validators; <see cref="Name"/> is what its title adds to the site's name.
/// </summary>
public sealed record FeedScope(string Key, string? Name, string PagePath, Expression<Func<Article, bool>> Filter, Func<FeedFormat, string> FeedPath)
{
    public static FeedScope Site { get; } = new("site", null, "/", a => true, FeedPaths.Site);

    public static FeedScope ForSection(Section section)
    {
        var id = section.Id;
        return new($"section:{id}", section.Name, ArticlePaths.Section(section.Slug), a => a.SectionId == id, f => FeedPaths.Section(section.Slug, f));
    }

    public static FeedScope ForWriter(Writer writer)
    {
        var id = writer.Id;
        return new($"writer:{id}", writer.DisplayName, ArticlePaths.Writer(writer.Slug), a => a.Bylines.Any(b => b.WriterId == id), f => FeedPaths.Writer(writer.Slug, f));
    }

    public static FeedScope ForTag(string tag) =>
        new($"tag:{tag}", $"Tagged “{tag}”", ArticlePaths.Tag(tag), a => a.Tags.Contains(tag), f => FeedPaths.Tag(tag, f));

    public string Title(string siteName) => Name is null ? siteName : $"{siteName} – {Name}";
}
