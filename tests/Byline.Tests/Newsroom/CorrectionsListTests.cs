using System.Net;
using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Newsroom;

/// <summary>The public list at /corrections: every entry on a published story, newest first, paged by keyset, cached.</summary>
public sealed class CorrectionsListTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ListsEntriesOfPublishedStoriesNewestFirstInKeysetPages(string provider)
    {
        using var factory = new BylineFactory(provider);
        var published = Unique.Slug("listed");
        var publishedId = (await factory.AddStoryAsync(published, headline: "Harbour levy agreed")).Article.Id;
        var hiddenId = await factory.AddStoryWithRevisionAsync(Unique.Slug("hidden"), ArticleState.Unpublished);
        var start = factory.Time.GetUtcNow();
        await using (var db = factory.CreateDbContext())
        {
            // 30 entries, in pairs that share an instant (ties break by id), plus one on a story readers cannot see.
            for (var i = 0; i < 30; i++)
            {
                db.ArticleCorrections.Add(new ArticleCorrection
                {
                    ArticleId = publishedId,
                    Kind = (CorrectionKind)(i % 3),
                    Text = $"Entry {i}.",
                    CreatedAt = start.AddMinutes(i / 2),
                });
            }
            db.ArticleCorrections.Add(new ArticleCorrection { ArticleId = hiddenId, Text = "On an unpublished story.", CreatedAt = start.AddHours(1) });
            await db.SaveChangesAsync();
        }
        var client = factory.CreateClient();

        var first = await client.GetPageAsync("/corrections");
        var older = first.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
        Assert.NotNull(older);
        var second = await client.GetPageAsync(older);

        var firstTexts = first.QuerySelectorAll(".corrections-item .correction span").Select(e => e.Text()).ToList();
        var secondTexts = second.QuerySelectorAll(".corrections-item .correction span").Select(e => e.Text()).ToList();
        Assert.Equal(25, firstTexts.Count);
        Assert.Equal(5, secondTexts.Count);
        Assert.Equal(Enumerable.Range(0, 30).Reverse().Select(i => $"Entry {i}."), firstTexts.Concat(secondTexts));
        Assert.Null(second.QuerySelector("nav.pager"));
        Assert.Equal("/corrections", second.QuerySelector(".pager-note a")?.GetAttribute("href"));
        var item = first.QuerySelector(".corrections-item");
        Assert.Equal($"/world/{published}", item?.QuerySelector("h2 a")?.GetAttribute("href"));
        Assert.Equal("Harbour levy agreed", item?.QuerySelector("h2 a")?.Text());
        Assert.StartsWith("Clarified Nov. 27, 2026:", item?.QuerySelector(".correction")?.Text(), StringComparison.Ordinal);
        Assert.Equal("2026-11-27T12:14:00+00:00", item?.QuerySelector("time")?.GetAttribute("datetime"));
        Assert.DoesNotContain("On an unpublished story.", first.Body?.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/corrections?before=not-a-cursor")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ANewEntryIsListedAtOnceAndTheFooterLinksToTheList(string provider)
    {
        using var factory = new BylineFactory(provider);
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var slug = Unique.Slug("fresh");
        var id = await factory.AddStoryWithRevisionAsync(slug);
        var anonymous = factory.CreateClient();
        var empty = await anonymous.GetPageAsync("/corrections");
        Assert.Equal("No corrections, updates or clarifications yet.", empty.QuerySelector(".empty")?.Text());
        Assert.Equal(0, await factory.Sql.CountDuringAsync(() => anonymous.GetPageAsync("/corrections")));
        Assert.Equal("/corrections", empty.QuerySelector(".site-footer a[href='/corrections']")?.GetAttribute("href"));

        var response = await factory.ClientFor(editor).PostFormAsync($"/newsroom/stories/{id}/corrections", null,
            ("Input.Kind", "Update"), ("Input.Text", "The vote has been moved to Friday."));
        response.AssertRedirect($"/newsroom/stories/{id}/corrections");

        var list = await anonymous.GetPageAsync("/corrections");
        Assert.Equal("Updated Nov. 27, 2026: The vote has been moved to Friday.", list.QuerySelector(".corrections-item .correction")?.Text());
        var front = await anonymous.GetPageAsync("/");
        Assert.NotNull(front.QuerySelector(".site-footer a[href='/corrections']"));
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.ArticleCorrections.CountAsync());
    }
}
