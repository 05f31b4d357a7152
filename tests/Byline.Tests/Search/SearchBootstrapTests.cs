using Byline.Tests.Infrastructure;
using Byline.Tests.Moderation;
using Byline.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Search;

/// <summary>
/// A site whose index is empty (an upgrade, or a migration that empties it to re-key it) gets every published story
/// queued at start, even though indexing work done long ago is still on record in the outbox.
/// </summary>
public sealed class SearchBootstrapTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnEmptiedIndexIsBuiltAgainAtStart(string provider)
    {
        var factory = apps[provider];
        var marker = ModerationKit.Marker("bootstrap");
        var slug = Unique.Slug("bootstrap");
        await factory.AddStoryAsync(slug, body: $"Ferry timetable {marker}.\n");
        var reader = factory.CreateClient();
        var comment = await reader.PostCreatedAsync(slug, $"The early ferry is full by seven, {marker}.");
        await factory.IndexAsync();
        Assert.Equal(2, (await reader.SearchAsync(SearchKit.Q(marker))).Count);

        await using (var db = factory.CreateDbContext())
        {
            Assert.True(await db.OutboxMessages.AnyAsync(m => m.Kind == SearchIndex.StoryKind && m.DoneAt != null));
            await db.SearchDocuments.ExecuteDeleteAsync();
        }
        Assert.Empty(await reader.SearchAsync(SearchKit.Q(marker)));

        await ActivatorUtilities.CreateInstance<SearchBootstrap>(factory.Services).StartAsync(CancellationToken.None);
        await factory.IndexAsync();
        var found = await reader.SearchAsync(SearchKit.Q(marker));
        Assert.Equal(2, found.Count);
        Assert.Contains(found, h => h.CommentId() == comment.Id());

        // Started again with the index full: nothing more is queued.
        await ActivatorUtilities.CreateInstance<SearchBootstrap>(factory.Services).StartAsync(CancellationToken.None);
        await using (var db = factory.CreateDbContext())
        {
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Kind == SearchIndex.StoryKind && m.DoneAt == null));
        }
    }
}
