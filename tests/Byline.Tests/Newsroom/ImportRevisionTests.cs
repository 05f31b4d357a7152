using Byline.Tests.Infrastructure;
using Byline.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Newsroom;

/// <summary>An import is a save like any other: it writes a revision when it brings something new.</summary>
public sealed class ImportRevisionTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ImportingAStoryWritesARevisionOnlyWhenItChanges(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("import");

        var first = await factory.AddStoryAsync(slug);
        await factory.AddStoryAsync(slug);
        await factory.AddStoryAsync(slug, body: "A corrected body.\n");

        await using var db = factory.CreateDbContext();
        var revisions = await db.ArticleRevisions.Where(r => r.ArticleId == first.Article.Id).OrderBy(r => r.Number).ToListAsync();
        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        Assert.All(revisions, r => Assert.Equal(ArticleImporter.ImportAuthor, r.AuthorName));
        Assert.Equal("A corrected body.\n", revisions[1].BodyMarkdown);
        Assert.Equal(2, (await db.Articles.SingleAsync(a => a.Slug == slug)).Revision);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReimportingAStoryTheNewsroomUnpublishedKeepsItUnpublished(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("import");
        var first = await factory.AddStoryAsync(slug);
        await factory.SetStateAsync(first.Article.Id, Byline.Data.Articles.ArticleState.Unpublished);

        await factory.AddStoryAsync(slug, body: "A new body from the file.\n");

        await using var db = factory.CreateDbContext();
        var story = await db.Articles.SingleAsync(a => a.Slug == slug);
        Assert.Equal(Byline.Data.Articles.ArticleState.Unpublished, story.State);
        Assert.Equal("A new body from the file.\n", story.BodyMarkdown);
        using var client = factory.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(first.Path)).StatusCode);
    }
}
