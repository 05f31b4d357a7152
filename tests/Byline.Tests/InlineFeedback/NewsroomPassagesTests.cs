using Byline.Tests.Infrastructure;
using Byline.Web.Newsroom;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.InlineFeedback;

public sealed class NewsroomPassagesTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Fact]
    public async Task TheStoryViewListsPassagesWithFeedbackMostDiscussedFirst()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("questioned");
        await factory.AddStoryAsync(slug, body: PassageKit.Body);
        var text = await factory.TextAsync(slug);
        var readers = factory.CreateClient();
        await readers.RespondOkAsync(slug, PassageKit.Anchor(text, "left at dawn"));
        foreach (var question in new[] { "Burned or bought?", "Since when?", "Per ship?" })
        {
            await readers.RespondOkAsync(slug, PassageKit.Anchor(text, "twelve euros per tonne"), question);
        }
        var editor = await factory.CreateUserAsync("editor");
        int id;
        await using (var db = factory.CreateDbContext())
        {
            id = (await db.Articles.SingleAsync(a => a.Slug == slug)).Id;
        }

        var page = await factory.FormClient(editor).GetPageAsync(NewsroomPaths.Story(id));

        var passages = page.QuerySelectorAll(".newsroom-passage").Select(p => p.Text()).ToList();
        Assert.Equal(2, passages.Count);
        Assert.StartsWith("twelve euros per tonne 3 responses", passages[0], StringComparison.Ordinal);
        Assert.StartsWith("left at dawn 1 response", passages[1], StringComparison.Ordinal);
    }
}
