using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Newsroom;

/// <summary>/newsroom: each person's stories, by state, searchable, newest edit first, paged.</summary>
public sealed class StoryListTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WritersSeeTheirOwnStoriesAndEditorsSeeEveryone(string provider)
    {
        var factory = apps[provider];
        var tag = Unique.Suffix();
        var writer = await factory.CreateUserAsync(Roles.Writer);
        var other = await factory.CreateUserAsync(Roles.Writer);
        var editor = await factory.CreateUserAsync(Roles.Editor);
        await factory.CreateStoryAsync(writer, $"Mine {tag}");
        await factory.CreateStoryAsync(other, $"Credited {tag}", j => j["writerIds"] = new[] { other.WriterId, writer.WriterId });
        var theirs = await factory.CreateStoryAsync(other, $"Theirs {tag}");
        await factory.SetStateAsync(theirs.Id(), ArticleState.InReview);

        using var writerClient = factory.ClientFor(writer);
        using var editorClient = factory.ClientFor(editor);
        Assert.Equal([$"Credited {tag}", $"Mine {tag}"], await HeadlinesAsync(writerClient, $"/newsroom?q={tag}"));
        Assert.Equal([$"Theirs {tag}", $"Credited {tag}", $"Mine {tag}"], await HeadlinesAsync(editorClient, $"/newsroom?q={tag}"));
        Assert.Equal([$"Theirs {tag}"], await HeadlinesAsync(editorClient, $"/newsroom?show=in-review&q={tag}"));
        Assert.Equal([$"Credited {tag}", $"Mine {tag}"], await HeadlinesAsync(editorClient, $"/newsroom?show=drafts&q={tag}"));
        Assert.Empty(await HeadlinesAsync(editorClient, $"/newsroom?show=mine&q={tag}"));
        Assert.Equal([$"Theirs {tag}"], await HeadlinesAsync(editorClient, $"/newsroom?q={Uri.EscapeDataString("THEIRS " + tag)}"));
        var page = await editorClient.GetPageAsync($"/newsroom?show=in-review&q={tag}");
        Assert.Equal("page", page.QuerySelector(".newsroom-filters a[href*='show=in-review']")!.GetAttribute("aria-current"));
        Assert.Equal($"/newsroom/stories/{theirs.Id()}", page.QuerySelector(".newsroom-item-headline a")!.GetAttribute("href"));
        Assert.Contains("In review", page.QuerySelector(".newsroom-item .state-badge")!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheListShowsTheLatestEditFirstAndPages(string provider)
    {
        var factory = apps[provider];
        var tag = Unique.Suffix();
        var writer = await factory.CreateUserAsync(Roles.Writer);
        var ids = new List<int>();
        for (var i = 0; i < 26; i++)
        {
            ids.Add((await factory.CreateStoryAsync(writer, $"Paged {tag} {i:00}")).Id());
        }
        using var client = factory.ClientFor(writer);
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var form = await client.EditorFormAsync($"/newsroom/stories/{ids[0]}");
        form["Form.Headline"] = $"Paged {tag} 00 edited";
        await form.PostAsync(client);

        var first = await client.GetPageAsync($"/newsroom?q={tag}");
        var headlines = first.QuerySelectorAll(".newsroom-item-headline").Select(h => h.Text()).ToList();
        Assert.Equal(25, headlines.Count);
        Assert.Equal($"Paged {tag} 00 edited", headlines[0]);
        Assert.Equal($"Paged {tag} 25", headlines[1]);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetPageAsync(next);
        Assert.Equal([$"Paged {tag} 01"], second.QuerySelectorAll(".newsroom-item-headline").Select(h => h.Text()));
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }

    private static async Task<List<string>> HeadlinesAsync(HttpClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelectorAll(".newsroom-item-headline").Select(h => h.Text()).ToList();
}
