using Byline.Data.Comments;
using Byline.Tests.Infrastructure;
using Byline.Tests.Moderation;
using Byline.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Search;

/// <summary>Indexing a story again brings its comments' documents in line with the story and the comments.</summary>
public sealed class SearchIndexerTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task IndexingAStoryAgainMovesItsCommentsToItsSectionAndDropsTheOnesNoLongerApproved(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        var marker = ModerationKit.Marker("reindex");
        var story = await factory.AddStoryAsync(slug, section: "world", body: "Body of the story.\n");
        await factory.AddStoryAsync(Unique.Slug(), section: "science");
        var reader = factory.CreateClient();
        var kept = await reader.PostCreatedAsync(slug, ModerationKit.Innocent(marker));
        var hidden = await reader.PostCreatedAsync(slug, $"Another view of the talks. Reference {marker}.");
        await factory.IndexAsync();
        Assert.Equal(2, (await reader.SearchAsync($"{SearchKit.Q(marker)}&section=world")).Count);

        // Changed behind the outbox's back, so only the story's own indexing can bring the index in line.
        await using (var db = factory.CreateDbContext())
        {
            var science = await db.Sections.Where(s => s.Slug == "science").Select(s => s.Id).SingleAsync();
            await db.Articles.Where(a => a.Id == story.Article.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.SectionId, science));
            await db.Comments.Where(c => c.Id == hidden.Id()).ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, CommentStatus.Rejected));
        }
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Byline.Data.BylineDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await SearchIndexer.IndexStoryAsync(db, story.Article.Id, CancellationToken.None);
            await transaction.CommitAsync();
        }

        Assert.Empty(await reader.SearchAsync($"{SearchKit.Q(marker)}&section=world"));
        Assert.Equal([kept.Id()], (await reader.SearchAsync($"{SearchKit.Q(marker)}&type=comments&section=science")).Select(h => h.CommentId()));
        await using (var db = factory.CreateDbContext())
        {
            Assert.False(await db.SearchDocuments.AnyAsync(d => d.CommentId == hidden.Id()));
        }
    }
}
